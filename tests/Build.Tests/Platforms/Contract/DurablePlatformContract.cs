namespace BuildTests.Platforms.Contract;

/// <summary>
/// The contract of a platform whose environment outlives the process that deployed to it (every real one): after a
/// crash, a fresh process reads the same state, lock and weights, and takes the lock over only from its exact holder.
/// </summary>
public abstract class DurablePlatformContract : PlatformContract
{
    /// <summary>A second platform over the environment <see cref="PlatformContract.CreatePlatformAsync"/> made, sharing nothing in memory with the first: a fresh process in effect.</summary>
    private protected abstract IDeploymentPlatform SecondInstance();

    [ContractFact]
    public async Task After_a_crash_a_fresh_instance_reads_the_same_state_lock_and_weights_and_can_take_the_lock_over()
    {
        var state = FullState();
        var crashed = Holder("run-crashed");
        var rerun = Holder("run-rerun");
        var weights = TrafficWeights.Split(Color.Green, 50);
        // In a deploy's order: the lock first, then the state. (On ECS the order matters against moto only, which
        // refuses a new tag key on an ELB resource that has 10 already; AWS allows 50, and state and lock take 22.)
        await Platform.TryAcquireLockAsync(crashed, null, None);
        await Platform.WriteStateAsync(state, None);
        await Platform.SetWeightsAsync(weights, None);

        // The first process is gone (nothing of it is asked again until its stale release at the end).
        var fresh = SecondInstance();
        await fresh.CheckReachableAsync(None);
        var stateSeen = await fresh.ReadStateAsync(None);
        var holderSeen = await fresh.TryAcquireLockAsync(rerun, null, None);
        var weightsSeen = await fresh.ReadWeightsAsync(None);
        var takenOver = await fresh.TryAcquireLockAsync(rerun, crashed, None);
        await Platform.ReleaseLockAsync(crashed, None); // the crashed process's late release: not its lock any more

        Assert.Equal(state, stateSeen);
        Assert.Equal(crashed, holderSeen);
        Assert.Equal(weights, weightsSeen);
        Assert.Null(takenOver);
        Assert.Equal(rerun, await Platform.TryAcquireLockAsync(crashed, null, None));
        Assert.Equal(rerun, await SecondInstance().TryAcquireLockAsync(crashed, null, None));
    }
}
