using Engine;

/// <summary>
/// What a deploy prints: one line per state change, and while waiting a status line at most every
/// <c>statusInterval</c> (what is awaited, elapsed / deadline, the latest observation). Plain lines, so a terminal
/// and CI read the same.
/// </summary>
public sealed class DeploymentLog(IDeployClock clock, TimeSpan statusInterval, Action<string>? write = null)
{
    private readonly Action<string> write = write ?? Log.Information;
    private readonly List<string> events = [];
    private DateTimeOffset lastStatus = DateTimeOffset.MinValue;
    private string? lastStatusText;

    /// <summary>Every state change so far, with its time, for artifacts/deployment.json.</summary>
    public IReadOnlyList<string> Events => events;

    public void Event(string text)
    {
        events.Add($"{clock.UtcNow:HH:mm:ss.fff} {text}");
        write(text);
        lastStatusText = null;
    }

    /// <summary>A waiting status: printed when it changed or when the interval passed since the last one.</summary>
    public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed)
    {
        var text = $"waiting for {awaited}: {Seconds(elapsed)} / {Seconds(deadline)}, {observed}";
        var now = clock.UtcNow;
        if (text == lastStatusText || (now - lastStatus < statusInterval && Strip(text) == Strip(lastStatusText)))
            return;
        lastStatus = now;
        lastStatusText = text;
        write(text);
    }

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0} s";

    // Two statuses that differ only in the elapsed time are the same news.
    private static string? Strip(string? text) => text?.Split(':', 2) is [var awaited, var rest] ? awaited + rest[(rest.IndexOf(',') + 1)..] : text;
}
