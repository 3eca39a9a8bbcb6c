using System.Diagnostics;
using Engine;

/// <summary>
/// Polls AWS until something is reached or the deadline passes, paced by <see cref="PollPace"/> (backing off with
/// jitter while nothing changes, so several builds polling one account do not call in step), printing a progress line
/// when the observed state changes and otherwise about every <see cref="QuietFor"/>: what is awaited, elapsed /
/// deadline, the latest state. A timeout names what was last seen.
/// </summary>
internal sealed record PollingWait(PollPace Pace, TimeSpan QuietFor)
{
    /// <summary>ECS and RDS describe calls are rate-limited: 5 s while the state changes, up to 15 s while it does not.</summary>
    public static readonly PollingWait Default = new(new PollPace(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)), TimeSpan.FromSeconds(30));

    /// <summary>Looks until <paramref name="look"/> returns a result; its observation (in words) is what the progress shows.</summary>
    public async Task<T> UntilAsync<T>(string awaited, TimeSpan deadline, Func<CancellationToken, Task<(T? Result, string Observed)>> look, CancellationToken cancellation)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        string? shown = null;
        var lastShown = TimeSpan.Zero;
        var wait = TimeSpan.Zero;
        while (true)
        {
            var (result, observed) = await look(cancellation);
            if (result is not null)
            {
                Log.Information($"{awaited}: {observed} after {Seconds(clock.Elapsed)}");
                return result;
            }

            if (clock.Elapsed >= deadline)
                throw new TimeoutException($"{awaited}: not done within {Seconds(deadline)}; last seen: {observed}");
            var changed = observed != shown;
            if (changed || clock.Elapsed - lastShown >= QuietFor)
            {
                Log.Information($"{awaited}: {observed} ({Seconds(clock.Elapsed)} / {Seconds(deadline)})");
                (shown, lastShown) = (observed, clock.Elapsed);
            }

            wait = Pace.Next(wait, changed);
            await Task.Delay(wait, cancellation);
        }
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0}s";
}
