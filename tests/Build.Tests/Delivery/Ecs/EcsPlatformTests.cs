using BuildTests.Aws;

namespace BuildTests.Delivery.Ecs;

/// <summary>
/// The ECS platform against moto: Provision, then deploys that run every AWS call of the algorithm (revision, service
/// update, weights 10/50/100 read back, state and lock tags, old revisions deregistered), an abort on CloudWatch's
/// 5xx count, and a rollback that flips back.
/// </summary>
public class EcsPlatformTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [MotoFact]
    public async Task Provision_creates_what_is_missing_once_then_finds_everything()
    {
        var environment = await MotoEcsEnvironment.CreateAsync();

        var (created, found) = await environment.Provisioning().RunAsync(None);
        var (createdAgain, foundAgain) = await environment.Provisioning().RunAsync(None);

        Assert.Contains($"cluster {environment.Names.Cluster}", created);
        Assert.Contains($"service {environment.Names.Service(Color.Green)}", created);
        Assert.Equal(11, created.Count + found.Count);
        Assert.Empty(createdAgain);
        Assert.Equal(11, foundAgain.Count);
        await environment.Platform().CheckReachableAsync(None);
        var weights = await environment.Platform().ReadWeightsAsync(None);
        Assert.Equal(new TrafficWeights(100, 0), weights);
    }

    [MotoFact]
    public async Task Provision_without_what_a_missing_resource_needs_changes_nothing()
    {
        var environment = await MotoEcsEnvironment.CreateAsync();
        var lacking = environment.Settings with { Subnets = [], ExecutionRoleArn = null };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => environment.Provisioning(lacking).RunAsync(None));

        Assert.Contains("--ecs-subnets", error.Message, StringComparison.Ordinal);
        Assert.Contains("--ecs-execution-role", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Null(await environment.Ecs.DescribeCluster(environment.Names.Cluster, None));
        Assert.Null(await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, None));
    }

    [MotoFact]
    public async Task Deploys_alternate_colors_through_10_50_100_and_leave_state_lock_and_revisions_behind()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync(keepRevisions: 1);

        var first = await environment.DeployAsync(MotoEcsEnvironment.ImageB);
        var second = await environment.DeployAsync(MotoEcsEnvironment.ImageC);

        Assert.Equal((DeploymentOutcome.Deployed, 100), (first.Outcome, first.TrafficPercent));
        Assert.Equal(DeploymentOutcome.Deployed, second.Outcome);
        Assert.NotEqual(first.ToColor, second.ToColor);
        Assert.Equal([10, 50, 100], second.Steps.Select(s => s.Percent));
        var platform = environment.Platform();
        var state = await platform.ReadStateAsync(None);
        Assert.Equal((second.ToColor, MotoEcsEnvironment.ImageC), (state.Live?.Color, state.Live?.Image));
        Assert.Equal(MotoEcsEnvironment.ImageB, state.Previous?.Image);
        Assert.Null(state.InProgress);
        Assert.Equal(TrafficWeights.AllOn(second.ToColor!.Value), await platform.ReadWeightsAsync(None));

        var listener = (await environment.Elb.DescribeListeners((await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, None))!.Arn, None)).Single(l => l.Port == 80);
        var tags = await environment.Elb.DescribeTags(listener.Arn, None);
        Assert.Equal("", tags["deploy:lock-run"]);
        var live = (await environment.Ecs.DescribeServices(environment.Names.Cluster, [environment.Names.Service(second.ToColor.Value)], None)).Single();
        Assert.Equal("live", (await environment.Ecs.ListTagsForResource(live.Arn, None))["deploy:role"]);
        var liveRevision = await environment.Ecs.DescribeTaskDefinition(live.TaskDefinition, None);
        Assert.Equal(MotoEcsEnvironment.ImageC, liveRevision.ImageOf("app"));
        Assert.Equal(second.ToColor.Value.Name(), Environment(liveRevision)["APP_COLOR"]);

        // keepRevisions 1: the first color's family kept its newest revision only (the one its service runs).
        var firstFamily = await environment.Ecs.ListTaskDefinitions(environment.Names.TaskFamily(first.ToColor!.Value), None);
        Assert.Single(firstFamily);
    }

    [MotoAwsCliFact]
    public async Task The_awscli_sees_what_a_deploy_left_the_listener_its_tags_and_the_live_service()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        var deployed = await environment.DeployAsync(MotoEcsEnvironment.ImageB);
        var live = deployed.ToColor!.Value;
        var balancer = (await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, None))!;

        var weights = MotoAwsCli.Run(
            "elbv2", "describe-listeners", "--load-balancer-arn", balancer.Arn,
            "--query", "Listeners[?Port==`80`].DefaultActions[0].ForwardConfig.TargetGroups[].[TargetGroupArn,Weight]");
        var listener = MotoAwsCli.Run("elbv2", "describe-listeners", "--load-balancer-arn", balancer.Arn, "--query", "Listeners[?Port==`80`].ListenerArn");
        var liveColor = MotoAwsCli.Run("elbv2", "describe-tags", "--resource-arns", listener, "--query", "TagDescriptions[0].Tags[?Key=='deploy:live-color'].Value");
        var revision = MotoAwsCli.Run("ecs", "describe-services", "--cluster", environment.Names.Cluster, "--services", environment.Names.Service(live), "--query", "services[0].taskDefinition");
        var image = MotoAwsCli.Run("ecs", "describe-task-definition", "--task-definition", revision, "--query", "taskDefinition.containerDefinitions[0].image");
        var liveGroup = (await environment.Elb.DescribeTargetGroup(environment.Names.TargetGroup(live), None))!.Arn;
        var drain = MotoAwsCli.Run("elbv2", "describe-target-group-attributes", "--target-group-arn", liveGroup, "--query", "Attributes[?Key=='deregistration_delay.timeout_seconds'].Value");

        var weightOf = weights.Split('\n').Select(line => line.Split('\t')).ToDictionary(pair => pair[0], pair => pair[1].Trim());
        Assert.Equal("100", weightOf[liveGroup]);
        Assert.Equal(2, weightOf.Count);
        Assert.Equal(live.Name(), liveColor);
        Assert.Equal(MotoEcsEnvironment.ImageB, image);
        Assert.Equal("7", drain);
    }

    [MotoFact]
    public async Task Server_errors_in_cloudwatch_abort_the_shift_and_traffic_returns_to_the_live_color()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        var first = await environment.DeployAsync(MotoEcsEnvironment.ImageB);
        var idle = first.ToColor!.Value.Other();
        using var stop = new CancellationTokenSource();
        var errors = PutServerErrorsAsync(environment, idle, stop.Token);

        // CloudWatch is read up to the whole second, so a bake must span more than one of them to see the errors put
        // meanwhile, also when moto answers slowly beside other tests; 600 ms of the fast settings may see none.
        var aborted = await environment.DeployAsync(MotoEcsEnvironment.ImageC, MotoEcsEnvironment.Fast with { BakeTime = TimeSpan.FromSeconds(3) });
        await stop.CancelAsync();
        await errors;

        Assert.Equal(DeploymentOutcome.Aborted, aborted.Outcome);
        Assert.Contains("5xx", aborted.Reason, StringComparison.Ordinal);
        var platform = environment.Platform();
        Assert.Equal(TrafficWeights.AllOn(first.ToColor.Value), await platform.ReadWeightsAsync(None));
        Assert.Equal(MotoEcsEnvironment.ImageB, (await platform.ReadStateAsync(None)).Live?.Image);
        Assert.Equal(0, await platform.CapacityAsync(idle, None));
    }

    [MotoFact]
    public async Task Rollback_flips_back_to_the_standby_color()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        var first = await environment.DeployAsync(MotoEcsEnvironment.ImageB);
        await environment.DeployAsync(MotoEcsEnvironment.ImageC);

        var rollback = await environment.RollbackAsync();

        Assert.Equal(DeploymentOutcome.RolledBack, rollback.Outcome);
        var platform = environment.Platform();
        Assert.Equal(TrafficWeights.AllOn(first.ToColor!.Value), await platform.ReadWeightsAsync(None));
        Assert.Equal(MotoEcsEnvironment.ImageB, (await platform.ReadStateAsync(None)).Live?.Image);
    }

    /// <summary>What the load balancer would report for a color answering half its requests with 500s, every 100 ms until stopped.</summary>
    private static async Task PutServerErrorsAsync(MotoEcsEnvironment environment, Color color, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await environment.PutTrafficAsync(color, requests: 20, serverErrors: 10, responseSeconds: 0.05);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }

    private static Dictionary<string, string> Environment(EcsTaskDefinition revision) =>
        revision.Definition["containerDefinitions"]![0]!["environment"]!.AsArray()
            .ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["value"]!.GetValue<string>());
}
