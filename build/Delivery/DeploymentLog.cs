using Engine;
using Pipeline.Delivery.LiveView;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// What a deploy tells, to its <see cref="IDeploymentView"/>: today's plain lines (one per state change, a throttled
/// status line while waiting), or the live table in an interactive terminal. Keeps every state change with its time
/// for artifacts/deployment.json, whatever the view. Also the log of the deploy's waits (<see cref="IWaitLog"/>).
/// </summary>
public sealed class DeploymentLog : IWaitLog, IDisposable
{
    private readonly IDeployClock clock;
    private readonly IDeploymentView view;
    private readonly List<string> events = [];

    /// <summary>The plain lines, written to <paramref name="write"/> (the build's log when null).</summary>
    public DeploymentLog(IDeployClock clock, TimeSpan statusInterval, Action<string>? write = null)
        : this(clock, new PlainDeploymentLines(clock, statusInterval, write ?? Log.Information))
    {
    }

    public DeploymentLog(IDeployClock clock, IDeploymentView view) => (this.clock, this.view) = (clock, view);

    /// <summary>Every state change so far, with its time, for artifacts/deployment.json.</summary>
    public IReadOnlyList<string> Events => events;

    public void Event(string text)
    {
        events.Add($"{clock.UtcNow:HH:mm:ss.fff} {text}");
        view.Event(text);
    }

    public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed) => view.Waiting(awaited, elapsed, deadline, observed);

    public void Baking(int percent, TimeSpan total) => view.Baking(percent, total);

    public void Measured(int percent, TimeSpan elapsed, TimeSpan total, Measurement latest) => view.Measured(percent, elapsed, total, latest);

    /// <summary>The platform the deploy should call: the same one, watched when the view shows what it answers.</summary>
    public IDeploymentPlatform Watch(IDeploymentPlatform platform) => view.Observer is { } observer ? new WatchedPlatform(platform, observer) : platform;

    /// <summary>Ends the view: a live table is drawn a last time and the terminal given back.</summary>
    public void Dispose() => view.Dispose();

    void IWaitLog.Reached(string awaited, string observed, TimeSpan elapsed) => Event($"{awaited}: {observed} after {Seconds(elapsed)}");

    string IWaitLog.NotReached(string awaited, TimeSpan deadline, string lastSeen) => $"{awaited}: not reached in {Seconds(deadline)}; last seen: {lastSeen}";

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0} s";
}
