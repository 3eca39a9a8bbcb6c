namespace Pipeline.Waiting;

/// <summary>
/// Where a wait's lines go, in that log's words. Every wording says the same four things, what is awaited, elapsed,
/// the deadline and what was last seen; they differ because each log keeps its own style (a deploy's "waiting for green
/// to run: 3 s / 120 s, starting", MigrateDb's "Migration task 1f2e: RUNNING (3s / 1800s)"), which users and tests read.
/// </summary>
public interface IWaitLog
{
    /// <summary>What was awaited came: written at once.</summary>
    void Reached(string awaited, string observed, TimeSpan elapsed);

    /// <summary>Told after every look still pending; written through a <see cref="StatusThrottle"/>, so only when it is news or is due again.</summary>
    void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed);

    /// <summary>The timeout's one line: not written here but the exception's message, printed by whoever ends up handling it.</summary>
    string NotReached(string awaited, TimeSpan deadline, string lastSeen);
}
