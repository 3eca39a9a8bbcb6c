using Engine;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// What a deploy prints: one line per state change, and while waiting a status line at most every
/// <c>statusInterval</c> (what is awaited, elapsed / deadline, the latest observation). Plain lines, so a terminal
/// and CI read the same. Also the log of the deploy's waits (<see cref="IWaitLog"/>), in the same words.
/// </summary>
public sealed class DeploymentLog(IDeployClock clock, TimeSpan statusInterval, Action<string>? write = null) : IWaitLog
{
    private readonly Action<string> write = write ?? Log.Information;
    private readonly List<string> events = [];
    private readonly StatusThrottle status = new(clock, statusInterval);

    /// <summary>Every state change so far, with its time, for artifacts/deployment.json.</summary>
    public IReadOnlyList<string> Events => events;

    public void Event(string text)
    {
        events.Add($"{clock.UtcNow:HH:mm:ss.fff} {text}");
        write(text);
        status.Forget();
    }

    /// <summary>A waiting status: printed when it changed or when the interval passed since the last one.</summary>
    public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed)
    {
        var text = $"waiting for {awaited}: {Seconds(elapsed)} / {Seconds(deadline)}, {observed}";
        if (status.Due(text, news: $"{awaited}: {observed}"))
            write(text);
    }

    void IWaitLog.Reached(string awaited, string observed, TimeSpan elapsed) => Event($"{awaited}: {observed} after {Seconds(elapsed)}");

    string IWaitLog.NotReached(string awaited, TimeSpan deadline, string lastSeen) => $"{awaited}: not reached in {Seconds(deadline)}; last seen: {lastSeen}";

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0} s";
}
