namespace Pipeline.Waiting;

/// <summary>
/// What was awaited did not come: a look saw it fail, or the deadline passed (<see cref="TimedOut"/>; the message then
/// names what was last seen). The message is the one line to print.
/// </summary>
public sealed class WaitFailedException(string message, bool timedOut) : Exception(message)
{
    /// <summary>The deadline passed with the thing still pending: it may yet come (a task still running, a snapshot still being taken).</summary>
    public bool TimedOut { get; } = timedOut;
}
