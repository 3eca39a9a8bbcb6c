namespace BuildTests.Delivery;

/// <summary>
/// The deploy believes what runs, not what it wrote: a live color recorded in the state that no longer serves is started
/// again before anything is decided (on the in-memory platform).
/// </summary>
public sealed class LiveColorRepairTests
{
    private readonly DeployHarness harness = new();

    [Fact]
    public async Task A_recorded_live_color_that_stopped_is_started_again_and_then_there_is_nothing_to_do()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.Crash(Color.Blue);
        var stages = harness.Platform.Stages;

        var record = await harness.DeployAsync(DeployHarness.ImageA);

        Assert.Equal(DeploymentOutcome.AlreadyLive, record.Outcome);
        Assert.EndsWith("already live on blue: it was not serving: started it again", DeploymentSummary.Of(record), StringComparison.Ordinal);
        Assert.Equal(stages + 1, harness.Platform.Stages);
        Assert.Equal(ColorState.Running, harness.Platform.Status(Color.Blue).State);
        Assert.Equal(DeployHarness.ImageA, harness.Platform.Status(Color.Blue).Image);
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), harness.Platform.Weights);
        Assert.Contains(harness.Lines, l => l.EndsWith("the live color blue (1.0.0) was not serving (stopped): starting it again", StringComparison.Ordinal));
        Assert.Contains(harness.Lines, l => l.EndsWith("the live color blue (1.0.0) serves again", StringComparison.Ordinal));
        Assert.Null(harness.Platform.Lock);
    }

    [Fact]
    public async Task A_live_color_that_serves_is_left_alone()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        var stages = harness.Platform.Stages;

        await harness.DeployAsync(DeployHarness.ImageA);

        Assert.Equal(stages, harness.Platform.Stages);
        Assert.DoesNotContain(harness.Lines, l => l.Contains("the live color", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_change_pending_the_live_color_is_repaired_first_and_the_change_deploys_as_usual()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.Crash(Color.Blue);
        harness.Platform.WeightHistory.Clear();

        var record = await harness.DeployAsync(DeployHarness.ImageB);

        Assert.Equal(DeploymentOutcome.Deployed, record.Outcome);
        Assert.Equal(Color.Green, record.ToColor);
        Assert.Equal(DeployHarness.ImageA, record.FromImage);
        Assert.Equal([10, 50, 100], harness.TrafficGiven(Color.Green).Where(p => p > 0));
        Assert.Equal(ColorState.Running, harness.Platform.Status(Color.Blue).State); // the standby a Rollback flips to
        Assert.Equal(DeployHarness.ImageA, harness.Platform.State.Previous!.Image);
        var repaired = harness.Lines.FindIndex(l => l.EndsWith("the live color blue (1.0.0) serves again", StringComparison.Ordinal));
        var staged = harness.Lines.FindIndex(l => l.Contains("staging", StringComparison.Ordinal) && l.Contains("on green", StringComparison.Ordinal));
        Assert.True(repaired >= 0 && staged > repaired, string.Join("\n", harness.Lines));
    }

    [Fact]
    public async Task A_live_color_that_cannot_be_started_again_fails_in_one_line_and_changes_nothing_else()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.Crash(Color.Blue);
        harness.Platform.NextBehaviour = Behaviour.Exits;
        var state = harness.Platform.State;

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => harness.DeployAsync(DeployHarness.ImageB));

        Assert.StartsWith("the live color blue (1.0.0) does not serve and could not be started again: blue to run: exited, exit code 139", failure.Message, StringComparison.Ordinal);
        Assert.Equal(state, harness.Platform.State);
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), harness.Platform.Weights);
        Assert.Equal(ColorState.Stopped, harness.Platform.Status(Color.Green).State); // the new release was never staged
        Assert.Null(harness.Platform.Lock);
    }
}
