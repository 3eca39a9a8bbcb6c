namespace BuildTests.Delivery;

/// <summary>Rollback: a flip while the previous color stands by, a full deploy of its image once it does not.</summary>
public sealed class RollbackTests
{
    private readonly DeployHarness harness = new();

    [Fact]
    public async Task Rollback_after_a_good_deploy_is_a_flip_to_the_standing_by_color()
    {
        await harness.TwoGoodDeploysAsync();
        var stages = harness.Platform.Stages;
        harness.Platform.WeightHistory.Clear();

        var record = await harness.RollbackAsync();

        Assert.Equal(DeploymentOutcome.RolledBack, record.Outcome);
        Assert.Equal("rollback", record.Action);
        Assert.Equal([TrafficWeights.AllOn(Color.Blue)], harness.Platform.WeightHistory);
        Assert.Equal(stages, harness.Platform.Stages);
        var state = harness.Platform.State;
        Assert.Equal(DeployHarness.ImageA, state.Live!.Image);
        Assert.Equal(DeployHarness.ImageB, state.Previous!.Image);
        Assert.NotNull(state.StandbyUntil);
        Assert.Equal(Color.Green, harness.Platform.TestRoute);
    }

    [Fact]
    public async Task Rollback_twice_flips_forth_and_back()
    {
        await harness.TwoGoodDeploysAsync();

        await harness.RollbackAsync();
        await harness.RollbackAsync();

        Assert.Equal(DeployHarness.ImageB, harness.Platform.State.Live!.Image);
        Assert.Equal(TrafficWeights.AllOn(Color.Green), harness.Platform.Weights);
    }

    [Fact]
    public async Task Rollback_after_the_standby_stopped_deploys_the_previous_image_again()
    {
        await harness.TwoGoodDeploysAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(31));

        var record = await harness.RollbackAsync();

        Assert.Equal(DeploymentOutcome.RolledBack, record.Outcome);
        Assert.Contains(harness.Lines, l => l.Contains("cannot take traffic back at once", StringComparison.Ordinal));
        Assert.Equal(new ColorRelease(Color.Blue, DeployHarness.ImageA, "1.0.0", "abc123", harness.Owner.RunId), harness.Platform.State.Live);
        Assert.Equal([10, 50, 100], harness.TrafficGiven(Color.Blue).TakeLast(3));
    }

    [Fact]
    public async Task Rollback_to_an_unhealthy_standby_goes_through_the_checks_instead_of_flipping()
    {
        await harness.TwoGoodDeploysAsync();
        harness.Platform.Run(Color.Blue, DeployHarness.ImageA, Behaviour.NeverHealthy);
        harness.Platform.NextBehaviour = Behaviour.NeverHealthy;

        var record = await harness.RollbackAsync();

        Assert.Equal(DeploymentOutcome.Failed, record.Outcome);
        Assert.Equal(TrafficWeights.AllOn(Color.Green), harness.Platform.Weights);
    }

    [Fact]
    public async Task Rollback_without_a_previous_release_says_so()
    {
        await harness.DeployAsync(DeployHarness.ImageA);

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(harness.RollbackAsync);

        Assert.Equal("nothing to roll back to: local has no previous release recorded", error.Message);
        Assert.Null(harness.Platform.Lock);
    }
}
