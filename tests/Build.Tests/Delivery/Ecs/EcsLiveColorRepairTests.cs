using BuildTests.Aws;

namespace BuildTests.Delivery.Ecs;

/// <summary>
/// On ECS (moto) the deploy believes what runs too: the live color's service scaled to nothing behind the pipeline's
/// back, or its targets gone from the load balancer, is started again before "already live" is decided. Changed with
/// the awscli, a client that is not ours, as a person or another tool would.
/// </summary>
public class EcsLiveColorRepairTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [MotoAwsCliFact]
    public async Task A_live_service_scaled_to_zero_by_hand_is_started_again_and_keeps_all_the_traffic()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        var live = (await environment.DeployAsync(MotoEcsEnvironment.ImageB)).ToColor!.Value;
        MotoAwsCli.Run("ecs", "update-service", "--cluster", environment.Names.Cluster, "--service", environment.Names.Service(live), "--desired-count", "0");
        Assert.Equal(ColorState.Stopped, (await environment.Platform().ObserveAsync(live, None)).State);

        var again = await environment.DeployAsync(MotoEcsEnvironment.ImageB);

        Assert.Equal((DeploymentOutcome.AlreadyLive, "it was not serving: started it again"), (again.Outcome, again.Reason));
        Assert.Contains(environment.Lines, line => line.Contains($"the live color {live.Name()} (1.0.0) was not serving (desired 0, running 0", StringComparison.Ordinal));
        Assert.Equal("1", MotoAwsCli.Run("ecs", "describe-services", "--cluster", environment.Names.Cluster, "--services", environment.Names.Service(live), "--query", "services[0].runningCount"));
        var platform = environment.Platform();
        Assert.True((await platform.CheckHealthAsync(live, None)).Healthy);
        Assert.Equal(TrafficWeights.AllOn(live), await platform.ReadWeightsAsync(None));
    }

    [MotoAwsCliFact]
    public async Task A_live_service_whose_targets_left_the_load_balancer_gets_a_new_deployment_after_the_health_timeout()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        var live = (await environment.DeployAsync(MotoEcsEnvironment.ImageB)).ToColor!.Value;
        var group = (await environment.Elb.DescribeTargetGroup(environment.Names.TargetGroup(live), None))!.Arn;
        var targets = Targets(group);
        Assert.NotEmpty(targets);
        var deploymentBefore = PrimaryDeployment(environment, live);
        MotoAwsCli.Run(["elbv2", "deregister-targets", "--target-group-arn", group, "--targets", .. targets]);
        Assert.False((await environment.Platform().CheckHealthAsync(live, None)).Healthy);

        // The service runs, so it first gets the health timeout to recover by itself (ECS replaces unhealthy tasks).
        var again = await environment.DeployAsync(MotoEcsEnvironment.ImageB, MotoEcsEnvironment.Fast with { HealthTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal((DeploymentOutcome.AlreadyLive, "it was not serving: started it again"), (again.Outcome, again.Reason));
        Assert.Contains(environment.Lines, line => line.Contains($"the live color {live.Name()} (1.0.0) runs but is not healthy (no targets registered", StringComparison.Ordinal));
        Assert.NotEmpty(Targets(group));
        Assert.NotEqual(deploymentBefore, PrimaryDeployment(environment, live));
        Assert.True((await environment.Platform().CheckHealthAsync(live, None)).Healthy);
    }

    /// <summary>The id of the service's primary deployment: a new one means ECS was asked to replace its tasks.</summary>
    private static string PrimaryDeployment(MotoEcsEnvironment environment, Color color) =>
        MotoAwsCli.Run("ecs", "describe-services", "--cluster", environment.Names.Cluster, "--services", environment.Names.Service(color),
            "--query", "services[0].deployments[?status=='PRIMARY'].id | [0]");

    /// <summary>The group's targets as the awscli names them (Id=…,Port=…).</summary>
    private static List<string> Targets(string targetGroupArn) =>
        [.. MotoAwsCli.Run("elbv2", "describe-target-health", "--target-group-arn", targetGroupArn, "--query", "TargetHealthDescriptions[].Target.[Id,Port]")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => $"Id={parts[0]},Port={parts[1]}")];
}
