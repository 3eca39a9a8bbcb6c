namespace BuildTests.Database.Aws;

/// <summary>
/// The wait for a snapshot or a task: it ends when the look says so, or at the deadline naming what was last seen; at
/// the pace and with the progress lines MigrateDb and RestoreDb have always had. Virtual time: minutes take none.
/// </summary>
public sealed class AwsWaitingTests
{
    private static readonly PollPace Fast = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4));

    [Fact]
    public async Task It_looks_again_until_the_state_is_reached()
    {
        var states = new Queue<string>(["PENDING", "RUNNING", "STOPPED"]);

        var result = await AwsWaiting.With(new VirtualClock(), Fast).UntilAsync(
            "task", TimeSpan.FromMinutes(1), _ => Task.FromResult(states.Dequeue()), s => s == "STOPPED" ? Look.Reached(s) : Look.Pending(s), CancellationToken.None);

        Assert.Equal("STOPPED", result);
        Assert.Empty(states);
    }

    [Fact]
    public async Task At_the_deadline_it_names_what_it_last_saw()
    {
        var error = await Assert.ThrowsAsync<WaitFailedException>(() =>
            AwsWaiting.With(new VirtualClock(), Fast).UntilAsync("RDS snapshot s1", TimeSpan.Zero, _ => Task.FromResult("creating"), Look.Pending, CancellationToken.None));

        Assert.Equal("RDS snapshot s1: not done within 0s; last seen: creating", error.Message);
        Assert.True(error.TimedOut);
    }

    [Fact]
    public void ECS_and_RDS_are_looked_at_every_5_s_backing_off_to_15_s()
    {
        Assert.Equal(new PollPace(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)), AwsWaiting.Pace);
        Assert.Equal(TimeSpan.FromSeconds(30), AwsWaiting.StatusInterval);
    }

    [Fact]
    public async Task Progress_is_a_line_per_change_and_otherwise_one_every_30_s_in_the_build_logs_words()
    {
        var clock = new VirtualClock();
        var lines = new List<string>();
        var states = new Queue<string>([.. Enumerable.Repeat("RUNNING", 12), "STOPPING", "STOPPED"]);

        await AwsWaiting.With(clock, PollPace.Fixed(TimeSpan.FromSeconds(5)), lines.Add).UntilAsync(
            "Migration task t1", TimeSpan.FromMinutes(30), _ => Task.FromResult(states.Dequeue()), s => s == "STOPPED" ? Look.Reached(s) : Look.Pending(s), CancellationToken.None);

        Assert.Equal(
            ["Migration task t1: RUNNING (0s / 1800s)", "Migration task t1: RUNNING (30s / 1800s)", "Migration task t1: STOPPING (60s / 1800s)", "Migration task t1: STOPPED after 65s"],
            lines);
    }
}
