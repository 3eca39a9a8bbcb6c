namespace Pipeline.Waiting;

/// <summary>
/// The one polling loop: looks until what is awaited is reached, fails, or the deadline passes, on
/// <see cref="IDeployClock"/> (so a test's virtual clock makes a deadline of minutes take no time), paced by
/// <see cref="PollPace"/>, every look still pending told to the <see cref="IWaitLog"/>, which decides when a line is
/// due and words it. Failure and timeout are both a <see cref="WaitFailedException"/>; a timeout names what was last
/// seen, never just "timed out".
/// </summary>
public sealed class Awaiting(IDeployClock clock, IWaitLog log, PollPace pace)
{
    /// <summary>Until <paramref name="look"/> says reached: for a wait whose result is only that it came.</summary>
    public Task UntilAsync(string awaited, TimeSpan deadline, Func<CancellationToken, Task<Look>> look, CancellationToken cancellation) =>
        UntilAsync(awaited, deadline, look, seen => seen, cancellation);

    /// <summary>
    /// Until <paramref name="judge"/> says what <paramref name="observe"/> returned is reached, and returns that
    /// observation (the stopped task, the available snapshot), so no further call is needed to get it.
    /// </summary>
    public async Task<T> UntilAsync<T>(
        string awaited, TimeSpan deadline, Func<CancellationToken, Task<T>> observe, Func<T, Look> judge, CancellationToken cancellation)
    {
        var start = clock.UtcNow;
        var wait = TimeSpan.Zero;
        string? previous = null;
        while (true)
        {
            var observation = await observe(cancellation);
            var seen = judge(observation);
            var elapsed = clock.UtcNow - start;
            switch (seen.State)
            {
                case LookState.Reached:
                    log.Reached(awaited, seen.Observed, elapsed);
                    return observation;
                case LookState.Failed:
                    throw new WaitFailedException($"{awaited}: {seen.Observed}", timedOut: false);
            }

            if (elapsed >= deadline)
                throw new WaitFailedException(log.NotReached(awaited, deadline, seen.Observed), timedOut: true);
            log.Waiting(awaited, elapsed, deadline, seen.Observed);
            wait = pace.Next(wait, seen.Observed != previous);
            previous = seen.Observed;
            await clock.DelayAsync(wait, cancellation);
        }
    }
}
