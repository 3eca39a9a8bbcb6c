namespace Pipeline.Waiting;

/// <summary>
/// How often something awaited is looked at: every <see cref="Interval"/> while what is seen keeps changing, backing
/// off by half again each unchanged look up to <see cref="MaxInterval"/>, each wait lengthened by up to 20% at random
/// (so two deploys polling one API do not stay in step) but never beyond <see cref="MaxInterval"/>. A rate-limited API
/// gets 5s..15s (ECS: at most 12 looks a minute, a change seen within 15 s); the local platform a fixed short interval.
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
        return TimeSpan.FromTicks(Math.Min(MaxInterval.Ticks, (long)(wait.Ticks * (1 + (Random.Shared.NextDouble() * 0.2)))));
#pragma warning restore CA5394
    }
}
