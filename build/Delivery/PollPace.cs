/// <summary>
/// How often something awaited is looked at: every <see cref="Interval"/> while what is seen keeps changing, backing
/// off by half again each unchanged look up to <see cref="MaxInterval"/>, with ±20% jitter when backing off at all (so
/// two deploys polling one API do not stay in step). A rate-limited API (ECS: a state change seen within 15 s at about 12
/// calls a minute) gets 5s..15s; the local platform a fixed short interval.
/// </summary>
public sealed record PollPace(TimeSpan Interval, TimeSpan MaxInterval)
{
    public static PollPace Fixed(TimeSpan interval) => new(interval, interval);

    public bool BacksOff => MaxInterval > Interval;

    /// <summary>The wait after a look: back to <see cref="Interval"/> when what was seen changed, else longer.</summary>
    public TimeSpan Next(TimeSpan previous, bool changed)
    {
        if (!BacksOff)
            return Interval;
        var wait = changed || previous <= TimeSpan.Zero ? Interval : TimeSpan.FromTicks(Math.Min(MaxInterval.Ticks, (long)(previous.Ticks * 1.5)));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromTicks((long)(wait.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));
#pragma warning restore CA5394
    }

    /// <summary>Throttled by the API although its retries are spent: wait the longest, never give up for that.</summary>
    public TimeSpan AfterThrottling() => MaxInterval * 2;
}
