namespace BuildTests.Platforms.Contract;

/// <summary>What every platform's read-only inspection promises a deploy's plan: it reads what the other roles left, and changes none of it.</summary>
public abstract partial class PlatformContract
{
    [ContractFact]
    public async Task The_inspection_reads_what_runs_the_lock_and_the_state_and_changes_none_of_them()
    {
        await Platform.SetWeightsAsync(TrafficWeights.AllOn(Color.Blue), None);
        await StageRunningAsync(Color.Green, FirstImage);
        // The lock first, as a deploy takes it: moto refuses new tag keys on a listener that has 10 (AWS allows 50).
        var holder = Holder("run-inspected");
        Assert.Null(await Platform.TryAcquireLockAsync(holder, null, None));
        var state = FullState();
        await Platform.WriteStateAsync(state, None);

        var notReady = await Platform.NotReadyAsync(None);
        var running = await Platform.DefinitionAsync(Color.Green, None);
        var idle = await Platform.DefinitionAsync(Color.Blue, None);
        var staged = await Platform.StagedDefinitionAsync(Color.Blue, SecondImage.ToString(), "2.0.0", "c0ffee", None);

        Assert.Null(notReady);
        Assert.Equal(FirstImage.ToString(), running?.Image);
        Assert.NotEmpty(running!.Ports);
        Assert.Null(idle); // never staged: nothing runs there
        Assert.Equal(SecondImage.ToString(), staged.Image);
        Assert.NotEmpty(staged.Ports);
        Assert.Equal(holder, await Platform.PeekLockAsync(None));
        Assert.Equal(state, await Platform.PeekStateAsync(None));
        Assert.Equal(holder, await Platform.TryAcquireLockAsync(Holder("run-other"), null, None)); // still held
        Assert.Equal(state, await Platform.ReadStateAsync(None));
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), await Platform.ReadWeightsAsync(None));
        Assert.Equal(FirstImage.ToString(), await ImageRunningOnAsync(Platform, Color.Green));
    }
}
