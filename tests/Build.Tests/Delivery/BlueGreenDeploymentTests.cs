namespace BuildTests.Delivery;

/// <summary>The deploy's decisions on the in-memory platform: which color, when traffic moves, when it aborts.</summary>
public sealed class BlueGreenDeploymentTests
{
    private readonly DeployHarness harness = new();

    [Fact]
    public async Task A_first_deploy_puts_all_traffic_on_blue_once_healthy_and_smoke_tested()
    {
        var record = await harness.DeployAsync(DeployHarness.ImageA);

        Assert.Equal(DeploymentOutcome.Deployed, record.Outcome);
        Assert.Equal(Color.Blue, record.ToColor);
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), harness.Platform.Weights);
        Assert.Equal(new ColorRelease(Color.Blue, DeployHarness.ImageA, "1.0.0", "abc123", harness.Owner.RunId), harness.Platform.State.Live);
        Assert.Null(harness.Platform.State.InProgress);
        Assert.Equal(Color.Blue, Assert.Single(harness.Smoke.Calls).Color);
        Assert.Null(harness.Platform.Lock);
    }

    [Fact]
    public async Task A_second_deploy_shifts_to_green_in_steps_and_leaves_blue_standing_by()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.WeightHistory.Clear();

        var record = await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Equal(DeploymentOutcome.Deployed, record.Outcome);
        Assert.Equal([10, 50, 100], harness.TrafficGiven(Color.Green));
        Assert.Equal([10, 50, 100], record.Steps.Select(s => s.Percent));
        Assert.All(record.Steps, step => Assert.Equal(30, step.Seconds));
        Assert.All(record.Steps.SelectMany(s => s.Analysis), m => Assert.Equal(MeasurementResult.Passed, m.Result));
        var state = harness.Platform.State;
        Assert.Equal((Color.Green, "run-1"), (state.Live!.Color, state.Live.RunId));
        Assert.Equal(DeployHarness.ImageA, state.Previous!.Image);
        Assert.Equal(harness.Clock.UtcNow + TimeSpan.FromMinutes(30), state.StandbyUntil);
        Assert.Equal(ColorState.Running, harness.Platform.Status(Color.Blue).State);
        Assert.Equal(Color.Blue, harness.Platform.TestRoute);
        Assert.Equal(90, record.ConfiguredWaitSeconds);
    }

    [Fact]
    public async Task An_image_already_live_changes_nothing_unless_forced()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        var stages = harness.Platform.Stages;

        var record = await harness.DeployAsync(DeployHarness.ImageA);
        Assert.Equal(DeploymentOutcome.AlreadyLive, record.Outcome);
        Assert.Equal(stages, harness.Platform.Stages);
        Assert.Contains(harness.Lines, l => l.Contains("already live on blue", StringComparison.Ordinal));

        harness.Settings = harness.Settings with { Force = true };
        var forced = await harness.DeployAsync(DeployHarness.ImageA);
        Assert.Equal(DeploymentOutcome.Deployed, forced.Outcome);
        Assert.Equal(Color.Green, forced.ToColor);
    }

    [Fact]
    public async Task A_release_that_never_becomes_healthy_never_receives_traffic()
    {
        var record = await harness.SecondDeployAsync(Behaviour.NeverHealthy);

        Assert.Equal(DeploymentOutcome.Failed, record.Outcome);
        Assert.Contains("green to be healthy: not reached in 60 s", record.Reason, StringComparison.Ordinal);
        Assert.All(harness.TrafficGiven(Color.Green), percent => Assert.Equal(0, percent));
        Assert.Contains(Color.Green, harness.Platform.Stopped);
        Assert.Equal(DeployHarness.ImageA, harness.Platform.State.Live!.Image);
        Assert.Null(harness.Platform.State.InProgress);
        Assert.DoesNotContain(harness.Smoke.Calls, c => c.Color == Color.Green);
    }

    [Fact]
    public async Task A_release_that_exits_fails_at_once_saying_why()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.NextBehaviour = Behaviour.Exits;
        var before = harness.Clock.UtcNow;

        var record = await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Equal(DeploymentOutcome.Failed, record.Outcome);
        Assert.Contains("exit code 139", record.Reason, StringComparison.Ordinal);
        Assert.Contains("Unhandled exception: boom", record.Reason, StringComparison.Ordinal);
        Assert.True(harness.Clock.UtcNow - before < TimeSpan.FromSeconds(5), "an exit is not waited out until the deadline");
        Assert.All(harness.TrafficGiven(Color.Green), percent => Assert.Equal(0, percent));
    }

    [Fact]
    public async Task A_failed_smoke_test_stops_the_new_color_before_any_traffic()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Smoke.Failure = "version: GET http://test.test/version returned 0.9.0: expected version 1.0.0";

        var record = await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Equal(DeploymentOutcome.Failed, record.Outcome);
        Assert.Contains("smoke test failed on green: version:", record.Reason, StringComparison.Ordinal);
        Assert.All(harness.TrafficGiven(Color.Green), percent => Assert.Equal(0, percent));
        Assert.Contains(Color.Green, harness.Platform.Stopped);
    }

    [Fact]
    public async Task A_release_serving_errors_is_aborted_at_its_first_step_and_traffic_returns()
    {
        var record = await harness.SecondDeployAsync(Behaviour.ServesErrors);

        Assert.Equal(DeploymentOutcome.Aborted, record.Outcome);
        Assert.Equal("aborted at 10%: 5xx 100% > 1%, traffic back on blue", record.Reason);
        Assert.Equal(10, harness.TrafficGiven(Color.Green).Max());
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), harness.Platform.Weights);
        Assert.Contains(Color.Green, harness.Platform.Stopped);
        Assert.Equal(Color.Blue, harness.Platform.State.Live!.Color);
        Assert.Equal(0, record.TrafficPercent);
    }

    [Fact]
    public async Task A_slow_release_is_aborted_on_response_time()
    {
        var record = await harness.SecondDeployAsync(Behaviour.Slow);

        Assert.Equal(DeploymentOutcome.Aborted, record.Outcome);
        Assert.Contains("response time 2000 ms > 500 ms", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_that_does_not_apply_the_weights_aborts_the_shift()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.StuckWeights = TrafficWeights.AllOn(Color.Blue);

        var record = await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Equal(DeploymentOutcome.Aborted, record.Outcome);
        Assert.Contains("the router applies blue 100% / green 0%, not the blue 90% / green 10% asked for", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_shift_returns_traffic_to_the_old_color()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        using var cancel = new CancellationTokenSource();
        harness.Clock.OnDelay = () =>
        {
            if (harness.Platform.Weights.Green == 50)
                cancel.Cancel();
        };

        var record = await harness.DeployAsync(DeployHarness.ImageB, cancel.Token);

        Assert.Equal(DeploymentOutcome.Aborted, record.Outcome);
        Assert.Equal("aborted at 50%: cancelled, traffic back on blue", record.Reason);
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), harness.Platform.Weights);
        Assert.Null(harness.Platform.Lock);
    }

    [Fact]
    public async Task One_failed_measurement_is_tolerated_within_the_failure_limit()
    {
        harness.Settings = harness.Settings with { Analysis = new AnalysisSettings { FailureLimit = 1 } };
        var record = await harness.SecondDeployAsync(Behaviour.ServesErrors);

        Assert.Equal(DeploymentOutcome.Aborted, record.Outcome);
        Assert.Equal(2, record.Steps.Single().Analysis.Count(m => m.Result == MeasurementResult.Failed));
    }
}
