using System.Diagnostics;
using Engine;

/// <summary>
/// Polls AWS until something is reached or the deadline passes, the waits growing from <see cref="First"/> to
/// <see cref="Max"/> with jitter (so several builds polling one account do not call in step), printing a progress
/// line when the observed state changes and otherwise about every <see cref="QuietFor"/>: what is awaited,
/// elapsed / deadline, the latest state. A timeout names what was last seen.
/// </summary>
internal sealed record PollingWait(TimeSpan First, TimeSpan Max, TimeSpan QuietFor)
{
    public static readonly PollingWait Default = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));

    /// <summary>Looks until <paramref name="look"/> returns a result; its observation (in words) is what the progress shows.</summary>
    public async Task<T> UntilAsync<T>(string awaited, TimeSpan deadline, Func<CancellationToken, Task<(T? Result, string Observed)>> look, CancellationToken cancellation)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        string? shown = null;
        var lastShown = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var (result, observed) = await look(cancellation);
            if (result is not null)
            {
                Log.Information($"{awaited}: {observed} after {Seconds(clock.Elapsed)}");
                return result;
            }

            if (clock.Elapsed >= deadline)
                throw new TimeoutException($"{awaited}: not done within {Seconds(deadline)}; last seen: {observed}");
            if (observed != shown || clock.Elapsed - lastShown >= QuietFor)
            {
                Log.Information($"{awaited}: {observed} ({Seconds(clock.Elapsed)} / {Seconds(deadline)})");
                (shown, lastShown) = (observed, clock.Elapsed);
            }

            await Task.Delay(DelayAfter(attempt), cancellation);
        }
    }

    /// <summary>Half of min(max, first·2^(attempt-1)) fixed, the other half random: never a burst of calls, never in step.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var ceiling = Math.Min(Max.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0}s";
}
