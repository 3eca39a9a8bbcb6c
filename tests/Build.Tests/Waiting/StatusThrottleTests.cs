namespace BuildTests.Waiting;

/// <summary>When a waiting status is written: news at once, the same news again only once the interval has passed.</summary>
public sealed class StatusThrottleTests
{
    private readonly VirtualClock clock = new();

    [Fact]
    public void News_is_due_at_once_and_the_same_news_again_after_the_interval()
    {
        var throttle = new StatusThrottle(clock, TimeSpan.FromSeconds(5));

        Assert.True(throttle.Due("a 0 s, x", "a x"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.Due("a 1 s, x", "a x"));
        Assert.True(throttle.Due("a 1 s, y", "a y")); // what was seen changed
        Assert.True(throttle.Due("b 1 s, y", "b y")); // what is awaited changed
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(throttle.Due("b 5 s, y", "b y"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.Due("b 6 s, y", "b y"));
    }

    [Fact]
    public void The_very_same_line_is_never_written_twice_in_a_row()
    {
        var throttle = new StatusThrottle(clock, TimeSpan.Zero);

        Assert.True(throttle.Due("a 0 s, x", "a x"));
        Assert.False(throttle.Due("a 0 s, x", "a x"));
    }

    [Fact]
    public void After_another_line_the_next_status_is_news()
    {
        var throttle = new StatusThrottle(clock, TimeSpan.FromSeconds(5));
        Assert.True(throttle.Due("a 0 s, x", "a x"));

        throttle.Forget();

        Assert.True(throttle.Due("a 0 s, x", "a x"));
    }
}
