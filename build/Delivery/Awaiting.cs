/// <summary>
/// Polls something until it is reached, fails, or the deadline passes, printing what is awaited with elapsed /
/// deadline and the latest observation; a timeout names what was last seen, never just "timed out".
/// </summary>
public sealed class Awaiting(IDeployClock clock, DeploymentLog log, PollPace pace)
{
    public async Task UntilAsync(string awaited, TimeSpan deadline, Func<CancellationToken, Task<Look>> look, CancellationToken cancellation)
    {
        var start = clock.UtcNow;
        var wait = TimeSpan.Zero;
        string? previous = null;
        while (true)
        {
            var seen = await look(cancellation);
            var elapsed = clock.UtcNow - start;
            switch (seen.State)
            {
                case LookState.Reached:
                    log.Event($"{awaited}: {seen.Observed} after {DeploymentLog.Seconds(elapsed)}");
                    return;
                case LookState.Failed:
                    throw new DeploymentFailedException($"{awaited}: {seen.Observed}");
            }

            if (elapsed >= deadline)
                throw new DeploymentFailedException($"{awaited}: not reached in {DeploymentLog.Seconds(deadline)}; last seen: {seen.Observed}");
            log.Waiting(awaited, elapsed, deadline, seen.Observed);
            wait = pace.Next(wait, seen.Observed != previous);
            previous = seen.Observed;
            await clock.DelayAsync(wait, cancellation);
        }
    }
}

public enum LookState
{
    Pending,
    Reached,
    Failed,
}

/// <summary>One observation while waiting: its state and what was seen, in words.</summary>
public sealed record Look(LookState State, string Observed)
{
    public static Look Pending(string observed) => new(LookState.Pending, observed);

    public static Look Reached(string observed) => new(LookState.Reached, observed);

    public static Look Failed(string observed) => new(LookState.Failed, observed);
}
