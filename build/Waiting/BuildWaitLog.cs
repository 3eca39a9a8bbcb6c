using Engine;

namespace Pipeline.Waiting;

/// <summary>
/// A wait's lines straight in the build log, for targets that keep no log of their own (MigrateDb, RestoreDb on AWS):
/// "RDS snapshot s1: creating (35s / 3600s)", "… available after 40s", "… not done within 3600s; last seen: creating".
/// </summary>
public sealed class BuildWaitLog(IDeployClock clock, TimeSpan statusInterval, Action<string>? write = null) : IWaitLog
{
    private readonly Action<string> write = write ?? Log.Information;
    private readonly StatusThrottle status = new(clock, statusInterval);

    public void Reached(string awaited, string observed, TimeSpan elapsed)
    {
        write($"{awaited}: {observed} after {Seconds(elapsed)}");
        status.Forget();
    }

    public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed)
    {
        var line = $"{awaited}: {observed} ({Seconds(elapsed)} / {Seconds(deadline)})";
        if (status.Due(line, news: $"{awaited}: {observed}"))
            write(line);
    }

    public string NotReached(string awaited, TimeSpan deadline, string lastSeen) => $"{awaited}: not done within {Seconds(deadline)}; last seen: {lastSeen}";

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0}s";
}
