using System.Diagnostics;

namespace BuildTests.Platforms.Contract;

/// <summary>
/// What every deployment platform promises the blue/green algorithm, written once against
/// <see cref="IDeploymentPlatform"/>: a staged color runs (capacity and status read back), health as the router sees
/// it, weights read back as set, the test route reaching the color named, counters that count the traffic sent and
/// never go backwards, the deploy lock, and the state written read back whole. A subclass per platform
/// makes a fresh environment for each fact (<see cref="CreatePlatformAsync"/>), a second platform over the same
/// its own way to send traffic and to see where the test route goes. A platform whose environment outlives the process
/// passes <see cref="DurablePlatformContract"/> as well: the state a crash leaves.
/// </summary>
public abstract partial class PlatformContract : IAsyncLifetime
{
    private protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Whole seconds in UTC: what every platform stores of a time (ECS's tags keep no more).</summary>
    private static readonly DateTimeOffset Now = new(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private IDeploymentPlatform? platform;

    private protected IDeploymentPlatform Platform => platform ?? throw new InvalidOperationException("the platform is made in InitializeAsync");

    /// <summary>A fresh environment of the platform under test, of its own, for one fact.</summary>
    private protected abstract Task<IDeploymentPlatform> CreatePlatformAsync();

    /// <summary>Removes what the environment left behind (containers, routers, folders).</summary>
    private protected virtual Task DisposeEnvironmentAsync() => Task.CompletedTask;

    /// <summary>Two different images the platform can run.</summary>
    private protected abstract ImageDigest FirstImage { get; }

    private protected abstract ImageDigest SecondImage { get; }

    /// <summary>How long a color may take to run or to turn healthy or unhealthy.</summary>
    private protected virtual TimeSpan Patience => TimeSpan.FromSeconds(60);

    /// <summary>Sends <paramref name="count"/> successful requests that the router gives to <paramref name="color"/> (which has all the weight); returns how many were sent.</summary>
    private protected abstract Task<int> SendRequestsAsync(IDeploymentPlatform platform, Color color, int count);

    /// <summary>The color the test listener reaches now, seen from outside the platform's own bookkeeping; null when it reaches none or both.</summary>
    private protected abstract Task<Color?> ColorBehindTestRouteAsync(IDeploymentPlatform platform);

    /// <summary>The image the color runs; the platform's own status by default.</summary>
    private protected virtual async Task<string?> ImageRunningOnAsync(IDeploymentPlatform platform, Color color) =>
        (await platform.ObserveAsync(color, None)).Image;

    /// <summary>
    /// Null when the platform's counters count the traffic sent and nothing else; otherwise why they count more (and
    /// the facts then check they count at least what was sent).
    /// </summary>
    private protected virtual string? CountsMoreThanTrafficSent => null;

    public async Task InitializeAsync()
    {
        platform = await CreatePlatformAsync();
        await platform.CheckReachableAsync(None);
    }

    public Task DisposeAsync() => DisposeEnvironmentAsync();

    [ContractFact]
    public async Task A_staged_color_runs_its_image_at_the_capacity_asked_and_a_stopped_one_runs_nothing()
    {
        await Platform.SetWeightsAsync(TrafficWeights.AllOn(Color.Blue), None);
        Assert.Equal(0, await Platform.CapacityAsync(Color.Green, None));
        Assert.Equal(ColorState.Stopped, (await Platform.ObserveAsync(Color.Green, None)).State);

        var first = await StageRunningAsync(Color.Green, FirstImage);
        Assert.Equal(1, await Platform.CapacityAsync(Color.Green, None));
        Assert.Equal(FirstImage.ToString(), await ImageRunningOnAsync(Platform, Color.Green));
        var replaced = await StageRunningAsync(Color.Green, SecondImage);
        Assert.Equal(1, await Platform.CapacityAsync(Color.Green, None));
        Assert.Equal(SecondImage.ToString(), await ImageRunningOnAsync(Platform, Color.Green));
        Assert.Equal(0, await Platform.CapacityAsync(Color.Blue, None));

        await Platform.StopAsync(Color.Green, TimeSpan.FromSeconds(1), None);
        var stopped = await Platform.ObserveAsync(Color.Green, None);
        await Platform.StopAsync(Color.Green, TimeSpan.FromSeconds(1), None); // stopping a stopped color does nothing

        Assert.Equal(ColorState.Running, first.State);
        Assert.Equal(ColorState.Running, replaced.State);
        Assert.Equal(ColorState.Stopped, stopped.State);
        Assert.Equal(0, await Platform.CapacityAsync(Color.Green, None));
        Assert.Equal(ColorState.Stopped, (await Platform.ObserveAsync(Color.Green, None)).State);
    }

    [ContractFact]
    public async Task A_staged_color_turns_healthy_as_the_router_sees_it_and_a_stopped_or_never_staged_one_is_not()
    {
        await Platform.SetWeightsAsync(TrafficWeights.AllOn(Color.Blue), None);
        await StageRunningAsync(Color.Green, FirstImage);

        var healthy = await HealthAsync(Color.Green, healthy: true);
        var neverStaged = await HealthAsync(Color.Blue, healthy: false);
        await Platform.StopAsync(Color.Green, TimeSpan.FromSeconds(1), None);
        var stopped = await HealthAsync(Color.Green, healthy: false);

        Assert.True(healthy.Healthy, $"staged green: {healthy.Detail}");
        Assert.False(neverStaged.Healthy, $"never staged blue: {neverStaged.Detail}");
        Assert.False(stopped.Healthy, $"stopped green: {stopped.Detail}");
        Assert.All(new[] { healthy, neverStaged, stopped }, reading => Assert.False(string.IsNullOrWhiteSpace(reading.Detail)));
    }

    [ContractFact]
    public async Task The_weights_read_back_are_the_weights_set()
    {
        TrafficWeights[] steps = [TrafficWeights.AllOn(Color.Blue), TrafficWeights.Split(Color.Green, 10), TrafficWeights.Split(Color.Green, 50), TrafficWeights.AllOn(Color.Green), TrafficWeights.Split(Color.Blue, 25), TrafficWeights.AllOn(Color.Blue)];
        var read = new List<TrafficWeights>();

        foreach (var weights in steps)
        {
            await Platform.SetWeightsAsync(weights, None);
            read.Add(await Platform.ReadWeightsAsync(None));
        }

        Assert.Equal(steps, read);
    }

    [ContractFact]
    public async Task The_test_route_reaches_the_color_named_and_moves_no_production_traffic()
    {
        await Platform.SetWeightsAsync(TrafficWeights.AllOn(Color.Blue), None);
        await Task.WhenAll(StageRunningAsync(Color.Blue, FirstImage), StageRunningAsync(Color.Green, SecondImage));
        await Task.WhenAll(HealthAsync(Color.Blue, healthy: true), HealthAsync(Color.Green, healthy: true));
        var reached = new List<(Color Named, Color? Reached)>();

        foreach (var color in new[] { Color.Green, Color.Blue, Color.Green })
        {
            await Platform.RouteTestTrafficAsync(color, None);
            for (var i = 0; i < 3; i++)
                reached.Add((color, await ColorBehindTestRouteAsync(Platform)));
        }

        Assert.All(reached, pair => Assert.Equal(pair.Named, pair.Reached));
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), await Platform.ReadWeightsAsync(None));
    }

    [ContractFact]
    public async Task Samples_count_the_traffic_sent_to_a_color_none_on_the_other_and_never_go_backwards()
    {
        await Platform.SetWeightsAsync(TrafficWeights.AllOn(Color.Blue), None);
        await StageRunningAsync(Color.Green, FirstImage);
        await HealthAsync(Color.Green, healthy: true);
        await Platform.SetWeightsAsync(TrafficWeights.AllOn(Color.Green), None);
        var otherBefore = await Platform.SampleAsync(Color.Blue, None);
        var samples = new List<TrafficSample> { await Platform.SampleAsync(Color.Green, None) };
        var sent = new List<int>();

        foreach (var count in new[] { 20, 7, 0 })
        {
            sent.Add(count == 0 ? 0 : await SendRequestsAsync(Platform, Color.Green, count));
            samples.Add(await Platform.SampleAsync(Color.Green, None));
        }

        var otherAfter = await Platform.SampleAsync(Color.Blue, None);
        Assert.Equal(new[] { 20, 7, 0 }, sent);
        for (var i = 1; i < samples.Count; i++)
        {
            var (before, after) = (samples[i - 1], samples[i]);
            var counted = after.Requests - before.Requests;
            if (CountsMoreThanTrafficSent is { } why)
                Assert.True(counted >= sent[i - 1], $"counted {counted} of {sent[i - 1]} sent ({why})");
            else
                Assert.Equal(sent[i - 1], counted);
            Assert.Equal(before.ServerErrors, after.ServerErrors); // every request sent succeeded
        }

        Assert.NotNull(samples[^1].AverageResponseMs);
        Assert.Equal((otherBefore.Requests, otherBefore.ServerErrors), (otherAfter.Requests, otherAfter.ServerErrors));
    }

    [ContractFact]
    public async Task The_lock_is_taken_when_free_and_refused_while_held_naming_its_holder()
    {
        var first = Holder("run-1");
        var second = Holder("run-2");

        var free = await Platform.TryAcquireLockAsync(first, null, None);
        var refused = await Platform.TryAcquireLockAsync(second, null, None);
        var almostTheHolder = await Platform.TryAcquireLockAsync(second, first with { ProcessId = first.ProcessId + 1 }, None);
        var again = await Platform.TryAcquireLockAsync(first, null, None);

        Assert.Null(free);
        Assert.Equal(first, refused);
        Assert.Equal(first, almostTheHolder);
        Assert.Equal(first, again); // held means held, by its holder too: a second deploy of the same run waits as well
    }

    [ContractFact]
    public async Task The_lock_is_taken_over_only_when_replacing_is_exactly_its_holder()
    {
        var crashed = Holder("run-crashed");
        var taker = Holder("run-taker");
        var late = Holder("run-late");
        await Platform.TryAcquireLockAsync(crashed, null, None);

        var wrongHolder = await Platform.TryAcquireLockAsync(taker, late, None);
        var takenOver = await Platform.TryAcquireLockAsync(taker, crashed, None);
        var staleHolder = await Platform.TryAcquireLockAsync(late, crashed, None); // the holder changed meanwhile

        Assert.Equal(crashed, wrongHolder);
        Assert.Null(takenOver);
        Assert.Equal(taker, staleHolder);
        Assert.Equal(taker, await Platform.TryAcquireLockAsync(late, null, None));
    }

    [ContractFact]
    public async Task Releasing_the_lock_never_releases_someone_elses()
    {
        var holder = Holder("run-holder");
        var other = Holder("run-other");
        await Platform.TryAcquireLockAsync(holder, null, None);

        await Platform.ReleaseLockAsync(other, None);
        var afterOthersRelease = await Platform.TryAcquireLockAsync(other, null, None);
        await Platform.ReleaseLockAsync(holder, None);
        var afterOwnRelease = await Platform.TryAcquireLockAsync(other, null, None);
        await Platform.ReleaseLockAsync(holder, None); // no longer the holder: other's lock stays

        Assert.Equal(holder, afterOthersRelease);
        Assert.Null(afterOwnRelease);
        Assert.Equal(other, await Platform.TryAcquireLockAsync(holder, null, None));
    }

    [ContractFact]
    public async Task A_written_state_reads_back_whole_and_replaces_all_of_the_one_before()
    {
        var initial = await Platform.ReadStateAsync(None);
        var full = FullState();
        var smaller = new EnvironmentState { Live = new ColorRelease(Color.Blue, SecondImage.ToString(), "1.5.0", "d4e5f6a", "run-9") };

        await Platform.WriteStateAsync(full, None);
        var readFull = await Platform.ReadStateAsync(None);
        await Platform.WriteStateAsync(smaller, None);
        var readSmaller = await Platform.ReadStateAsync(None);
        await Platform.WriteStateAsync(EnvironmentState.Empty, None);

        Assert.Equal(EnvironmentState.Empty, initial); // before the first deploy
        Assert.Equal(full, readFull);
        Assert.Equal(smaller, readSmaller); // nothing of the full state left: no previous, no standby, no attempt
        Assert.Equal(EnvironmentState.Empty, await Platform.ReadStateAsync(None));
    }

    /// <summary>Every field set, in the text every platform keeps as it is (ELB tag values allow letters, digits and _ . : / = + - @ and spaces).</summary>
    private protected EnvironmentState FullState() => new()
    {
        Live = new ColorRelease(Color.Green, FirstImage.ToString(), "1.4.0", "0a1b2c3", "run-7"),
        Previous = new ColorRelease(Color.Blue, SecondImage.ToString(), "1.3.0", "9f8e7d6", "run-6"),
        StandbyUntil = Now.AddMinutes(30),
        InProgress = new DeployAttempt(SecondImage.ToString(), Color.Blue, "shifting", "run-8", Now),
    };

    private protected static DeployLock Holder(string run) => new("contract tester", run, "contract-host", 4242, Now, Now.AddMinutes(30));

    /// <summary>Stages the image on the color at capacity 1 and waits until the platform sees it running; returns that status.</summary>
    private protected async Task<ColorStatus> StageRunningAsync(Color color, ImageDigest image)
    {
        await Platform.StageAsync(color, new StageRequest(image, 1, "1.0.0-" + color.Name(), "c0ffee"), None);
        return await EventuallyAsync(() => Platform.ObserveAsync(color, None), status => status.State is ColorState.Running or ColorState.Failed);
    }

    private Task<HealthReading> HealthAsync(Color color, bool healthy) =>
        EventuallyAsync(() => Platform.CheckHealthAsync(color, None), reading => reading.Healthy == healthy);

    /// <summary>The first reading that satisfies <paramref name="done"/>, or the last one once <see cref="Patience"/> ran out (for the facts to judge).</summary>
    private async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var reading = await read();
            if (done(reading) || clock.Elapsed > Patience)
                return reading;
            await Task.Delay(200);
        }
    }
}
