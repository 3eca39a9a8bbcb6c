namespace BuildTests.Waiting;

/// <summary>
/// The one polling loop on a virtual clock: it ends when reached (returning what was seen), at once when a look
/// fails, or at the deadline naming what it last saw; it backs off while nothing changes and tells every pending
/// look to its log. No test here waits for real time.
/// </summary>
public sealed class AwaitingTests
{
    private readonly VirtualClock clock = new();
    private readonly RecordingLog log = new();

    [Fact]
    public async Task Reached_returns_the_observation_and_says_after_how_long()
    {
        var seen = new Queue<Observation>([new("starting", 0), new("starting", 0), new("running", 3)]);

        var result = await Every10s().UntilAsync("green to run", TimeSpan.FromMinutes(1), _ => Task.FromResult(seen.Dequeue()), Judge, CancellationToken.None);

        Assert.Equal(new Observation("running", 3), result);
        Assert.Empty(seen);
        Assert.Equal(["waiting green to run 0/60 starting", "waiting green to run 10/60 starting", "reached green to run: running after 20"], log.Calls);
    }

    [Fact]
    public async Task A_failed_look_ends_the_wait_at_once_saying_what_was_seen()
    {
        var looks = 0;
        var error = await Assert.ThrowsAsync<WaitFailedException>(() => Every10s().UntilAsync(
            "green to run", TimeSpan.FromMinutes(1), _ => Task.FromResult(++looks == 1 ? Look.Pending("starting") : Look.Failed("exited, exit code 139")), CancellationToken.None));

        Assert.Equal("green to run: exited, exit code 139", error.Message);
        Assert.False(error.TimedOut);
        Assert.Equal(2, looks);
        Assert.Equal(TimeSpan.FromSeconds(10), Elapsed());
    }

    [Fact]
    public async Task At_the_deadline_it_fails_naming_what_it_last_saw()
    {
        var looks = 0;
        var error = await Assert.ThrowsAsync<WaitFailedException>(() => Every10s().UntilAsync(
            "RDS snapshot s1", TimeSpan.FromMinutes(1), _ => Task.FromResult(Look.Pending($"creating, look {++looks}")), CancellationToken.None));

        Assert.Equal("not reached RDS snapshot s1 in 60; last seen: creating, look 7", error.Message);
        Assert.True(error.TimedOut);
        Assert.Equal(7, looks); // at 0, 10, … 60 s: the last look is at the deadline itself
        Assert.Equal(TimeSpan.FromMinutes(1), Elapsed());
        Assert.Equal(6, log.Calls.Count(c => c.StartsWith("waiting", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unchanged_looks_back_off_to_the_maximum_and_a_change_looks_soon_again()
    {
        var waits = new List<TimeSpan>();
        var last = clock.UtcNow;
        clock.OnDelay = () =>
        {
            waits.Add(clock.UtcNow - last);
            last = clock.UtcNow;
        };
        var seen = new Queue<string>(["PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "RUNNING", "STOPPED"]);

        await new Awaiting(clock, log, new PollPace(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15))).UntilAsync(
            "task", TimeSpan.FromMinutes(30), _ => Task.FromResult(seen.Dequeue()), s => s == "STOPPED" ? Look.Reached(s) : Look.Pending(s), CancellationToken.None);

        Assert.Equal(6, waits.Count);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6)); // the interval, lengthened by up to 20%
        Assert.True(waits[1] > waits[0] && waits[2] > waits[1], string.Join(", ", waits));
        Assert.Equal([TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)], waits[3..5]);
        Assert.InRange(waits[5], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6)); // RUNNING is a change: back to the interval
    }

    [Fact]
    public async Task Progress_is_a_line_when_what_is_seen_changes_and_otherwise_one_per_interval()
    {
        var lines = new List<string>();
        var seen = new Queue<string>([.. Enumerable.Repeat("creating", 8), "backing-up", "backing-up", "available"]);

        await new Awaiting(clock, new BuildWaitLog(clock, TimeSpan.FromSeconds(30), lines.Add), PollPace.Fixed(TimeSpan.FromSeconds(5))).UntilAsync(
            "RDS snapshot s1", TimeSpan.FromHours(1), _ => Task.FromResult(seen.Dequeue()), s => s == "available" ? Look.Reached(s) : Look.Pending(s), CancellationToken.None);

        Assert.Equal(
            [
                "RDS snapshot s1: creating (0s / 3600s)",
                "RDS snapshot s1: creating (30s / 3600s)",
                "RDS snapshot s1: backing-up (40s / 3600s)",
                "RDS snapshot s1: available after 50s",
            ],
            lines);
    }

    [Fact]
    public async Task A_cancellation_ends_the_wait_between_looks()
    {
        using var cancel = new CancellationTokenSource();
        clock.OnDelay = cancel.Cancel;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Every10s().UntilAsync("green to run", TimeSpan.FromMinutes(1), _ => Task.FromResult(Look.Pending("starting")), cancel.Token));
    }

    private Awaiting Every10s() => new(clock, log, PollPace.Fixed(TimeSpan.FromSeconds(10)));

    private TimeSpan Elapsed() => clock.UtcNow - new VirtualClock().UtcNow;

    private static Look Judge(Observation seen) => seen.Pid > 0 ? Look.Reached(seen.State) : Look.Pending(seen.State);

    private sealed record Observation(string State, int Pid);

    /// <summary>Every call the loop makes to its log, in order, without any wording or throttling of a real log.</summary>
    private sealed class RecordingLog : IWaitLog
    {
        public List<string> Calls { get; } = [];

        public void Reached(string awaited, string observed, TimeSpan elapsed) => Calls.Add($"reached {awaited}: {observed} after {elapsed.TotalSeconds:0}");

        public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed) =>
            Calls.Add($"waiting {awaited} {elapsed.TotalSeconds:0}/{deadline.TotalSeconds:0} {observed}");

        public string NotReached(string awaited, TimeSpan deadline, string lastSeen) => $"not reached {awaited} in {deadline.TotalSeconds:0}; last seen: {lastSeen}";
    }
}
