namespace BuildTests.Delivery;

/// <summary>
/// A deploy killed at any point leaves state a re-run repairs: traffic all back on the live color, the interrupted
/// color stopped, then the deploy done again. Each case sets up what a kill in one phase leaves behind.
/// </summary>
public sealed class CrashRecoveryTests
{
    private readonly DeployHarness harness = new();

    private async Task LiveOnBlueWithGreenInterruptedAsync(string phase, TrafficWeights weights)
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.State = harness.Platform.State with
        {
            InProgress = new DeployAttempt(DeployHarness.ImageB, Color.Green, phase, "run-0", harness.Clock.UtcNow),
        };
        harness.Platform.Run(Color.Green, DeployHarness.ImageB);
        harness.Platform.SetWeightsDirectly(weights);
        harness.Platform.WeightHistory.Clear();
    }

    [Theory]
    [InlineData("stage", 0)]
    [InlineData("shift 10%", 10)]
    [InlineData("shift 50%", 50)]
    [InlineData("shift 100%", 100)]
    public async Task A_rerun_returns_traffic_to_the_live_color_stops_the_interrupted_one_and_deploys_again(string phase, int greenPercent)
    {
        await LiveOnBlueWithGreenInterruptedAsync(phase, TrafficWeights.Split(Color.Green, greenPercent));

        var record = await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Contains(harness.Lines, l => l.Contains($"was interrupted during {phase}: repairing", StringComparison.Ordinal));
        if (greenPercent > 0)
            Assert.Equal(TrafficWeights.AllOn(Color.Blue), harness.Platform.WeightHistory[0]);
        Assert.Equal(Color.Green, harness.Platform.Stopped[0]);
        Assert.Equal(DeploymentOutcome.Deployed, record.Outcome);
        Assert.Equal(new ColorRelease(Color.Green, DeployHarness.ImageB, "1.0.0", "abc123", harness.Owner.RunId), harness.Platform.State.Live);
        Assert.Equal(TrafficWeights.AllOn(Color.Green), harness.Platform.Weights);
        Assert.Null(harness.Platform.State.InProgress);
    }

    [Fact]
    public async Task Each_phase_is_recorded_before_it_acts_so_a_rerun_says_how_far_the_interrupted_deploy_got()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.StateWrites.Clear();

        await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Equal(["stage", "verify", "shift 10%", "shift 50%", "shift 100%", null], harness.Platform.StateWrites.Select(s => s.InProgress?.Phase));
        Assert.All(harness.Platform.StateWrites.SkipLast(1), s => Assert.Equal((Color.Green, DeployHarness.ImageB), (s.InProgress!.Color, s.InProgress.Image)));
    }

    [Fact]
    public async Task A_crash_after_the_new_color_went_live_finds_it_live()
    {
        await harness.TwoGoodDeploysAsync();
        var stages = harness.Platform.Stages;

        var record = await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Equal(DeploymentOutcome.AlreadyLive, record.Outcome);
        Assert.Equal(stages, harness.Platform.Stages);
    }

    [Fact]
    public async Task A_rerun_of_an_image_already_live_still_repairs_split_traffic()
    {
        await LiveOnBlueWithGreenInterruptedAsync("shift 50%", TrafficWeights.Split(Color.Green, 50));

        var record = await harness.DeployAsync(DeployHarness.ImageA);

        Assert.Equal(DeploymentOutcome.AlreadyLive, record.Outcome);
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), harness.Platform.Weights);
        Assert.Contains(Color.Green, harness.Platform.Stopped);
        Assert.Null(harness.Platform.State.InProgress);
    }

    [Fact]
    public async Task An_expired_standby_is_stopped_by_the_next_run()
    {
        await harness.TwoGoodDeploysAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(31));

        await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Contains(Color.Blue, harness.Platform.Stopped);
        Assert.Null(harness.Platform.State.StandbyUntil);
        Assert.Equal(DeployHarness.ImageA, harness.Platform.State.Previous!.Image);
    }
}
