using System.Diagnostics;
using TestSupport;

namespace BuildTests.Aws;

/// <summary>
/// ECS services against moto with build/services/moto-ecs.py's rollout emulation: a service behind a target group,
/// updated to a new revision, ends with that revision's deployment PRIMARY and COMPLETED and its tasks healthy targets.
/// The VPC and the target group are made with the awscli, an independent client.
/// </summary>
public class EcsServiceTests
{
    [MotoAwsCliFact]
    public async Task An_update_to_a_new_revision_completes_and_its_tasks_are_the_healthy_targets()
    {
        var ecs = new EcsClient(EcsTests.Client(EcsClient.Service));
        var cluster = await ecs.CreateCluster(EcsTests.Unique("svc"), new Dictionary<string, string>(), CancellationToken.None);
        var family = EcsTests.Unique("web");
        var first = await ecs.RegisterTaskDefinition(EcsTests.Definition(family, "app:1"), new Dictionary<string, string>(), CancellationToken.None);
        var second = await ecs.RegisterTaskDefinition(EcsTests.Definition(family, "app:2"), new Dictionary<string, string>(), CancellationToken.None);
        var network = await MotoNetwork.Create(CancellationToken.None);
        var targetGroup = MotoAwsCli.Run(
            "elbv2", "create-target-group", "--name", EcsTests.Unique("tg"), "--protocol", "HTTP", "--port", "8080", "--vpc-id", network.VpcId,
            "--target-type", "ip", "--query", "TargetGroups[0].TargetGroupArn");
        var spec = new EcsServiceSpec(
            cluster.Name, "web-blue", first.Arn, 2, targetGroup, "app", 8080, network.SubnetIds, [network.SecurityGroupId], AssignPublicIp: false,
            new Dictionary<string, string> { ["color"] = "blue" });

        var created = await ecs.CreateService(spec, CancellationToken.None);
        var targetsBefore = HealthyTargets(targetGroup);
        var updated = await ecs.UpdateService(cluster.Name, "web-blue", second.Arn, desiredCount: null, CancellationToken.None);
        var described = (await ecs.DescribeServices(cluster.Name, ["web-blue", "web-green"], CancellationToken.None)).Single();
        var targetsAfter = HealthyTargets(targetGroup);

        Assert.Equal(first.Arn, created.Primary!.TaskDefinition);
        Assert.Equal([new EcsServiceLoadBalancer(targetGroup, "app", 8080)], created.LoadBalancers);
        Assert.Equal("DISABLED", created.NetworkConfiguration!["awsvpcConfiguration"]!["assignPublicIp"]!.GetValue<string>());
        Assert.Equal(second.Arn, updated.TaskDefinition);
        var deployment = Assert.Single(described.Deployments);
        Assert.Equal(("PRIMARY", second.Arn, "COMPLETED", 2, 2), (deployment.Status, deployment.TaskDefinition, deployment.RolloutState, deployment.DesiredCount, deployment.RunningCount));
        Assert.NotEqual(created.Primary.Id, deployment.Id);
        Assert.Equal(ColorState.Running, EcsRollout.Evaluate(described, second.Arn, []).State);
        Assert.Equal(2, targetsBefore.Count);
        Assert.Equal(2, targetsAfter.Count);
        Assert.Empty(targetsBefore.Intersect(targetsAfter));
        Assert.Equal("blue", (await ecs.ListTagsForResource(created.Arn, CancellationToken.None))["color"]);
    }

    [MotoAwsCliFact]
    public async Task Scaling_to_zero_leaves_no_targets_and_the_rollout_reads_stopped()
    {
        var ecs = new EcsClient(EcsTests.Client(EcsClient.Service));
        var cluster = await ecs.CreateCluster(EcsTests.Unique("scale"), new Dictionary<string, string>(), CancellationToken.None);
        var revision = await ecs.RegisterTaskDefinition(EcsTests.Definition(EcsTests.Unique("web"), "app:1"), new Dictionary<string, string>(), CancellationToken.None);
        var network = await MotoNetwork.Create(CancellationToken.None);
        var targetGroup = MotoAwsCli.Run(
            "elbv2", "create-target-group", "--name", EcsTests.Unique("tg"), "--protocol", "HTTP", "--port", "8080", "--vpc-id", network.VpcId,
            "--target-type", "ip", "--query", "TargetGroups[0].TargetGroupArn");
        await ecs.CreateService(
            new EcsServiceSpec(cluster.Name, "web-green", revision.Arn, 1, targetGroup, "app", 8080, network.SubnetIds, [network.SecurityGroupId], false, new Dictionary<string, string>()),
            CancellationToken.None);

        var stopped = await ecs.UpdateService(cluster.Name, "web-green", taskDefinitionArn: null, desiredCount: 0, CancellationToken.None);

        Assert.Empty(HealthyTargets(targetGroup));
        Assert.Equal((0, 0), (stopped.DesiredCount, stopped.RunningCount));
        Assert.Equal(ColorState.Stopped, EcsRollout.Evaluate(stopped, revision.Arn, []).State);
    }

    private static List<string> HealthyTargets(string targetGroup) =>
        [.. MotoAwsCli.Run("elbv2", "describe-target-health", "--target-group-arn", targetGroup, "--query", "TargetHealthDescriptions[?TargetHealth.State=='healthy'].Target.Id")
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>The awscli pointed at moto, text output: what a test sets up or checks with a client that is not ours.</summary>
internal static class MotoAwsCli
{
    public static bool IsInstalled => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, "aws")));

    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws", [.. arguments, "--endpoint-url", Services.Address(Services.Moto), "--region", "us-east-1", "--output", "text"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result.Trim()
            : throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors.Trim()}");
    }
}

/// <summary>moto and the awscli: skipped locally with the reason when either is missing; on CI (CI=true) it runs and fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MotoAwsCliFactAttribute : ServiceFactAttribute
{
    public MotoAwsCliFactAttribute()
        : base(Services.Moto, "moto (the AWS API stand-in)") =>
        Skip ??= MotoAwsCli.IsInstalled || Environment.GetEnvironmentVariable("CI") == "true" ? null : "aws (the awscli) not found on PATH: apt-get install -y awscli";
}
