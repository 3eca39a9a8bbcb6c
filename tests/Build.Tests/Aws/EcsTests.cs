using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace BuildTests.Aws;

/// <summary>The ECS client against moto: clusters, task definition revisions (and the image swap), tags, one-off tasks.</summary>
public class EcsTests
{
    private static readonly Dictionary<string, string> NoTags = [];

    [MotoFact]
    public async Task A_created_cluster_is_described_and_a_missing_one_is_null()
    {
        var ecs = new EcsClient(Client(EcsClient.Service));
        var name = Unique("cluster");

        var created = await ecs.CreateCluster(name, new Dictionary<string, string> { ["app"] = "test" }, CancellationToken.None);

        Assert.Equal(new EcsCluster($"arn:aws:ecs:us-east-1:123456789012:cluster/{name}", name, "ACTIVE"), created);
        Assert.Equal(created, await ecs.DescribeCluster(name, CancellationToken.None));
        Assert.Null(await ecs.DescribeCluster("missing-" + name, CancellationToken.None));
        Assert.Equal("test", (await ecs.ListTagsForResource(created.Arn, CancellationToken.None))["app"]);
    }

    [MotoFact]
    public async Task Revisions_are_registered_described_listed_newest_first_and_deregistered()
    {
        var ecs = new EcsClient(Client(EcsClient.Service));
        var family = Unique("family");
        var first = await ecs.RegisterTaskDefinition(Definition(family, "app:1"), new Dictionary<string, string> { ["release"] = "1" }, CancellationToken.None);
        var second = await ecs.RegisterTaskDefinition(Definition(family, "app:2"), NoTags, CancellationToken.None);
        var third = await ecs.RegisterTaskDefinition(Definition(family, "app:3"), NoTags, CancellationToken.None);

        var described = await ecs.DescribeTaskDefinition(first.Arn, CancellationToken.None);
        await ecs.DeregisterTaskDefinition(second.Arn, CancellationToken.None);

        Assert.Equal((family, 1, "app:1"), (described.Family, described.Revision, described.ImageOf("app")));
        Assert.Equal("1", described.Tags["release"]);
        Assert.Null(described.ImageOf("sidecar"));
        Assert.Equal(third.Arn, (await ecs.DescribeTaskDefinition(family, CancellationToken.None)).Arn);
        Assert.Equal([third.Arn, first.Arn], await ecs.ListTaskDefinitions(family, CancellationToken.None));
    }

    [MotoFact]
    public async Task A_revision_registered_from_a_described_one_differs_only_in_the_image()
    {
        var ecs = new EcsClient(Client(EcsClient.Service));
        var request = Definition(Unique("swap"), "app:1");
        request["executionRoleArn"] = "arn:aws:iam::123456789012:role/exec";
        request["volumes"] = new JsonArray(new JsonObject { ["name"] = "scratch" });
        var original = await ecs.RegisterTaskDefinition(request, NoTags, CancellationToken.None);

        var swapped = await ecs.RegisterTaskDefinition(EcsTaskDefinition.RegisterRequestWithImage(original, "app", "app:2"), NoTags, CancellationToken.None);

        Assert.Equal(original.Revision + 1, swapped.Revision);
        Assert.Equal("app:2", swapped.ImageOf("app"));
        Assert.Equal(WithoutRevision(original.Definition, image: "app:2"), WithoutRevision(swapped.Definition, image: "app:2"));
        var error = Assert.Throws<InvalidOperationException>(() => EcsTaskDefinition.RegisterRequestWithImage(original, "web", "x"));
        Assert.Equal($"Task definition {original.Name} has no container 'web' (its containers: app).", error.Message);
    }

    [MotoFact]
    public async Task The_revision_for_an_image_is_reused_when_one_runs_it_and_registered_otherwise()
    {
        var ecs = new EcsClient(Client(EcsClient.Service));
        var family = Unique("revisions");
        var first = await ecs.RegisterTaskDefinition(Definition(family, "app:1"), NoTags, CancellationToken.None);
        var second = await ecs.RegisterTaskDefinition(Definition(family, "app:2"), NoTags, CancellationToken.None);
        var tags = new Dictionary<string, string> { ["image"] = "app:3" };

        var reused = await EcsRevisions.ForImage(ecs, family, "app", "app:1", tags, CancellationToken.None);
        var registered = await EcsRevisions.ForImage(ecs, family, "app", "app:3", tags, CancellationToken.None);
        var again = await EcsRevisions.ForImage(ecs, family, "app", "app:3", tags, CancellationToken.None);

        Assert.Equal(first.Arn, reused.Arn);
        Assert.Equal((second.Revision + 1, "app:3"), (registered.Revision, registered.ImageOf("app")));
        Assert.Equal("app:3", (await ecs.DescribeTaskDefinition(registered.Arn, CancellationToken.None)).Tags["image"]);
        Assert.Equal(registered.Arn, again.Arn);
        Assert.Equal(3, (await ecs.ListTaskDefinitions(family, CancellationToken.None)).Count);
    }

    [MotoFact]
    public async Task Tags_are_added_listed_and_removed()
    {
        var ecs = new EcsClient(Client(EcsClient.Service));
        var cluster = await ecs.CreateCluster(Unique("tags"), NoTags, CancellationToken.None);

        await ecs.TagResource(cluster.Arn, new Dictionary<string, string> { ["color"] = "blue", ["owner"] = "pipeline" }, CancellationToken.None);
        await ecs.UntagResource(cluster.Arn, ["owner"], CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["color"] = "blue" }, await ecs.ListTagsForResource(cluster.Arn, CancellationToken.None));
    }

    [MotoAwsCliFact]
    public async Task A_one_off_task_runs_the_command_override_and_stops_with_exit_code_0()
    {
        var ecs = new EcsClient(Client(EcsClient.Service));
        var cluster = await ecs.CreateCluster(Unique("run"), NoTags, CancellationToken.None);
        var definition = await ecs.RegisterTaskDefinition(Definition(Unique("migrate"), "app:1"), NoTags, CancellationToken.None);
        var network = await MotoNetwork.Create(CancellationToken.None);
        var startedBy = Unique("migrate");

        var started = await ecs.RunTask(
            new EcsRunTaskRequest(cluster.Name, definition.Arn, "app", ["/app/App", "migrate"], EcsClient.NetworkConfiguration(network.SubnetIds, [network.SecurityGroupId], assignPublicIp: false), startedBy),
            CancellationToken.None);
        var listed = await ecs.ListTasks(cluster.Name, serviceName: null, startedBy, "RUNNING", CancellationToken.None);
        // moto steps a task one state further on each DescribeTasks, as real tasks move on between calls.
        var statuses = new List<string> { started.LastStatus };
        EcsTask task;
        do
        {
            task = (await ecs.DescribeTasks(cluster.Name, [started.Arn], CancellationToken.None)).Single();
            statuses.Add(task.LastStatus);
        }
        while (task.LastStatus != "STOPPED" && statuses.Count < 10);

        Assert.Equal([started.Arn], listed);
        Assert.Equal(definition.Arn, started.TaskDefinitionArn);
        Assert.Equal(["RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED"], statuses.Distinct());
        Assert.Equal(0, task.Containers.Single().ExitCode);
        var overrides = MotoAwsCli.Run("ecs", "describe-tasks", "--cluster", cluster.Name, "--tasks", started.Arn, "--query", "tasks[0].overrides.containerOverrides[0].command");
        Assert.Equal("/app/App\tmigrate", overrides);
    }

    [MotoFact]
    public async Task Describing_no_tasks_calls_nothing_and_a_run_without_a_cluster_is_one_clear_error()
    {
        var ecs = new EcsClient(Client(EcsClient.Service));

        Assert.Empty(await ecs.DescribeTasks("any", [], CancellationToken.None));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.RunTask(
            new EcsRunTaskRequest(Unique("nowhere"), "family:1", "app", ["true"], EcsClient.NetworkConfiguration(["subnet-1"], [], false), "test"),
            CancellationToken.None));
        Assert.Equal("ClusterNotFoundException", error.Code);
    }

    internal static JsonObject Definition(string family, string image) => new()
    {
        ["family"] = family,
        ["requiresCompatibilities"] = new JsonArray("FARGATE"),
        ["networkMode"] = "awsvpc",
        ["cpu"] = "256",
        ["memory"] = "512",
        ["containerDefinitions"] = new JsonArray(new JsonObject
        {
            ["name"] = "app",
            ["image"] = image,
            ["essential"] = true,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["protocol"] = "tcp" }),
        }),
    };

    internal static AwsJsonClient Client(AwsService service)
    {
        var moto = Services.Address(Services.Moto);
        return new AwsJsonClient(new AwsConnection("us-east-1", new BasicAWSCredentials("test", "test")) { Environment = name => name == "AWS_ENDPOINT_URL" ? moto : null }, service);
    }

    internal static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The definition without what differs between two revisions (ARN, revision, registration time), its image set.</summary>
    private static string WithoutRevision(JsonObject definition, string image)
    {
        var copy = definition.DeepClone().AsObject();
        foreach (var field in new[] { "taskDefinitionArn", "revision", "registeredAt", "registeredBy" })
            copy.Remove(field);
        copy["containerDefinitions"]![0]!["image"] = image;
        return copy.ToJsonString();
    }
}
