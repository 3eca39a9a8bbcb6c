using Pipeline.Waiting;

namespace Pipeline.Delivery.LiveView;

/// <summary>
/// Today's view: one line per state change, and while waiting a status line at most every <c>statusInterval</c>
/// (what is awaited, elapsed / deadline, the latest observation). Plain lines, so CI, a log file and a terminal that
/// asks for no colors read the same.
/// </summary>
public sealed class PlainDeploymentLines(IDeployClock clock, TimeSpan statusInterval, Action<string> write) : IDeploymentView
{
    private readonly StatusThrottle status = new(clock, statusInterval);

    public void Event(string text)
    {
        write(text);
        status.Forget();
    }

    /// <summary>A waiting status: printed when it changed or when the interval passed since the last one.</summary>
    public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed)
    {
        var text = $"waiting for {awaited}: {DeploymentLog.Seconds(elapsed)} / {DeploymentLog.Seconds(deadline)}, {observed}";
        if (status.Due(text, news: $"{awaited}: {observed}"))
            write(text);
    }

    /// <summary>Nothing to say yet: the first measurement is the bake's first line.</summary>
    public void Baking(int percent, TimeSpan total)
    {
    }

    public void Measured(int percent, TimeSpan elapsed, TimeSpan total, Measurement latest) =>
        Waiting($"step {percent}% to bake", elapsed, total, $"{latest.Result.ToString().ToLowerInvariant()}: {latest.Text}");

    public void Dispose()
    {
    }
}
