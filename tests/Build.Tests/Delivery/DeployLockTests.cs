namespace BuildTests.Delivery;

/// <summary>One deploy per environment: a held lock stops a second deploy before it changes anything.</summary>
public sealed class DeployLockTests
{
    private readonly DeployHarness harness = new();

    private DeployLock Holder(string host, int processId, DateTimeOffset expires) =>
        new("alice", "run-7", host, processId, harness.Clock.UtcNow - TimeSpan.FromMinutes(5), expires);

    [Fact]
    public async Task A_lock_held_by_a_running_deploy_fails_at_once_naming_the_holder()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.LiveProcesses.Add(4242);
        harness.Platform.Lock = Holder("host-a", 4242, harness.Clock.UtcNow + TimeSpan.FromMinutes(25));
        var stages = harness.Platform.Stages;
        var weights = harness.Platform.WeightHistory.Count;

        var error = await Assert.ThrowsAsync<DeployLockHeldException>(() => harness.DeployAsync(DeployHarness.ImageB));

        Assert.Contains("local is being deployed by alice (run run-7, host-a pid 4242) since 2026-11-23 11:55:00Z", error.Message, StringComparison.Ordinal);
        Assert.Equal(stages, harness.Platform.Stages);
        Assert.Equal(weights, harness.Platform.WeightHistory.Count);
        Assert.Equal(4242, harness.Platform.Lock!.ProcessId);
    }

    [Fact]
    public async Task An_expired_lock_on_another_host_is_taken_over_only_when_asked()
    {
        harness.Platform.Lock = Holder("host-b", 4242, harness.Clock.UtcNow - TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<DeployLockHeldException>(() => harness.DeployAsync(DeployHarness.ImageA));

        harness.Settings = harness.Settings with { TakeOverExpiredLock = true };
        var record = await harness.DeployAsync(DeployHarness.ImageA);
        Assert.Equal(DeploymentOutcome.Deployed, record.Outcome);
        Assert.Contains(harness.Lines, l => l.StartsWith("taking over the expired lock of alice", StringComparison.Ordinal));
        Assert.Null(harness.Platform.Lock);
    }

    [Fact]
    public async Task A_lock_not_yet_expired_is_not_taken_over_even_when_asked()
    {
        harness.Settings = harness.Settings with { TakeOverExpiredLock = true };
        harness.Platform.Lock = Holder("host-b", 4242, harness.Clock.UtcNow + TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<DeployLockHeldException>(() => harness.DeployAsync(DeployHarness.ImageA));
    }

    [Fact]
    public async Task A_lock_whose_process_on_this_host_is_gone_is_taken_over_at_once()
    {
        harness.Platform.Lock = Holder("host-a", 4242, harness.Clock.UtcNow + TimeSpan.FromMinutes(25));

        var record = await harness.DeployAsync(DeployHarness.ImageA);

        Assert.Equal(DeploymentOutcome.Deployed, record.Outcome);
        Assert.Contains(harness.Lines, l => l.Contains("its process is gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_platform_fails_before_the_lock_is_taken()
    {
        harness.Platform.Unreachable = true;

        var error = await Assert.ThrowsAsync<DeploymentFailedException>(() => harness.DeployAsync(DeployHarness.ImageA));

        Assert.Contains("not reachable", error.Message, StringComparison.Ordinal);
        Assert.Null(harness.Platform.Lock);
        Assert.Equal(0, harness.Platform.Stages);
    }
}
