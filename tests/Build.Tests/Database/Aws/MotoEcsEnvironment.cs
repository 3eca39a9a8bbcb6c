using System.Text.Json;
using System.Text.Json.Nodes;
using BuildTests.Aws;

namespace BuildTests.Database.Aws;

/// <summary>
/// What Provision leaves behind for one environment, made in moto with ECS's own API: a cluster, a task family per
/// color with an awslogs container, and the blue and green services in a VPC's subnets (blue serving, green scaled to 0). An
/// environment name of its own per test, so tests sharing moto never see each other's resources.
/// </summary>
internal sealed record MotoEcsEnvironment(EcsNames Names, MotoNetwork Network, string TaskDefinitionArn)
{
    public const string Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:" + "0000000000000000000000000000000000000000000000000000000000000001";

    public static string NewEnvironment() => "t" + Guid.NewGuid().ToString("N")[..8];

    public static async Task<MotoEcsEnvironment> CreateAsync(string environment, bool withServices = true)
    {
        var names = new EcsNames("app", environment, $"app-{environment}", "app");
        var network = await MotoNetwork.Create(CancellationToken.None);
        await EnableDnsHostnamesAsync(network.VpcId);
        using var ecs = new AwsJsonClient(MotoNetwork.Connection(), Ecs.Service);
        await ecs.CallAsync("CreateCluster", new JsonObject { ["clusterName"] = names.Cluster }, CancellationToken.None);
        string? blue = null;
        foreach (var (color, desired) in new[] { (Color.Blue, 2), (Color.Green, 0) })
        {
            var registered = await ecs.CallAsync("RegisterTaskDefinition", TaskDefinition(names, color), CancellationToken.None);
            var arn = registered.GetProperty("taskDefinition").GetProperty("taskDefinitionArn").GetString()!;
            blue ??= arn;
            if (withServices)
                await ecs.CallAsync("CreateService", Service(names, network, color, arn, desired), CancellationToken.None);
        }

        return new MotoEcsEnvironment(names, network, blue!);
    }

    /// <summary>A task as ECS describes it now, as raw JSON: what the test reads the override from.</summary>
    public async Task<JsonElement> DescribeTaskAsync(string taskArn)
    {
        using var ecs = new AwsJsonClient(MotoNetwork.Connection(), Ecs.Service);
        var answer = await ecs.CallAsync("DescribeTasks", new JsonObject { ["cluster"] = Names.Cluster, ["tasks"] = new JsonArray(taskArn) }, CancellationToken.None);
        return answer.GetProperty("tasks")[0];
    }

    // moto's RunTask gives the task's network interface a private DNS name, which it has only in a VPC with DNS host names (HTTP 500 otherwise).
    private static async Task EnableDnsHostnamesAsync(string vpcId)
    {
        using var ec2 = new AwsQueryClient(MotoNetwork.Connection(), new AwsQueryService("EC2", "EC2", "ec2", "ec2", "2016-11-15"));
        await ec2.CallAsync("ModifyVpcAttribute", new AwsQueryParameters().Add("VpcId", vpcId).Add("EnableDnsHostnames.Value", "true"), CancellationToken.None);
    }

    private static JsonObject TaskDefinition(EcsNames names, Color color) => new()
    {
        ["family"] = names.TaskFamily(color),
        ["requiresCompatibilities"] = new JsonArray("FARGATE"),
        ["networkMode"] = "awsvpc",
        ["cpu"] = "256",
        ["memory"] = "512",
        ["containerDefinitions"] = new JsonArray(new JsonObject
        {
            ["name"] = names.Container,
            ["image"] = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:" + new string('f', 64),
            ["essential"] = true,
            ["cpu"] = 256, // moto's RunTask adds up the containers' cpu and memory, and fails (HTTP 500) without them
            ["memory"] = 512,
            ["logConfiguration"] = new JsonObject
            {
                ["logDriver"] = "awslogs",
                ["options"] = new JsonObject { ["awslogs-group"] = names.LogGroup, ["awslogs-region"] = "us-east-1", ["awslogs-stream-prefix"] = "svc" },
            },
        }),
    };

    private static JsonObject Service(EcsNames names, MotoNetwork network, Color color, string taskDefinition, int desired) => new()
    {
        ["cluster"] = names.Cluster,
        ["serviceName"] = names.Service(color),
        ["taskDefinition"] = taskDefinition,
        ["desiredCount"] = desired,
        ["launchType"] = "FARGATE",
        ["networkConfiguration"] = new JsonObject
        {
            ["awsvpcConfiguration"] = new JsonObject
            {
                ["subnets"] = new JsonArray([.. network.SubnetIds.Select(s => (JsonNode)JsonValue.Create(s)!)]),
                ["securityGroups"] = new JsonArray(network.SecurityGroupId),
                ["assignPublicIp"] = "DISABLED",
            },
        },
    };
}
