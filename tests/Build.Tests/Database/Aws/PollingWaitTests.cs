namespace BuildTests.Database.Aws;

/// <summary>The wait for a snapshot or a task: it ends when the look says so, or at the deadline naming what was last seen.</summary>
public sealed class PollingWaitTests
{
    private static readonly PollingWait Fast = new(new PollPace(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4)), TimeSpan.FromSeconds(30));

    [Fact]
    public async Task It_looks_again_until_the_state_is_reached()
    {
        var states = new Queue<string>(["PENDING", "RUNNING", "STOPPED"]);

        var result = await Fast.UntilAsync<string>("task", TimeSpan.FromMinutes(1), _ => Task.FromResult(states.Dequeue() is var s && s == "STOPPED" ? (s, s) : ((string?)null, s)), CancellationToken.None);

        Assert.Equal("STOPPED", result);
        Assert.Empty(states);
    }

    [Fact]
    public async Task At_the_deadline_it_names_what_it_last_saw()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Fast.UntilAsync<string>("RDS snapshot s1", TimeSpan.Zero, _ => Task.FromResult(((string?)null, "creating")), CancellationToken.None));

        Assert.Equal("RDS snapshot s1: not done within 0s; last seen: creating", error.Message);
    }
}
