using System.Runtime.InteropServices;

namespace Engine.Running;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM for a real process. The first cancels the run gracefully: running targets are
/// cancelled, their tools stopped, assured targets still run. Another, while cancelling, stops every tool process
/// tree the build started and exits at once with 128 + the signal's number, as a shell reports an interrupted command.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private const int InterruptedExitCode = 130; // SIGINT is 2
    private const int TerminatedExitCode = 143; // SIGTERM is 15

    private readonly CancellationTokenSource cancellation = new();
    private readonly TextWriter messages;
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private int signals;
    private int stoppedAtOnce;

    public SignalCancellation(TextWriter messages)
    {
        this.messages = messages;
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Handle(context, InterruptedExitCode));
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Handle(context, TerminatedExitCode));
    }

    public CancellationToken Token => cancellation.Token;

    /// <summary>
    /// Set by a second signal before its tools are stopped: a run that ends on its own in between (its targets fail as
    /// their tools die) must still exit with the signal's code, whichever thread gets to exit first.
    /// </summary>
    public int? StoppedAtOnce => Volatile.Read(ref stoppedAtOnce) is var code and > 0 ? code : null;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        cancellation.Dispose();
    }

    private void Handle(PosixSignalContext context, int exitCode)
    {
        // Never the runtime's default: that ends the process with its tools still running, orphaned.
        context.Cancel = true;
        // Counted rather than read from the token: two signals close together may be handled at the same time.
        if (Interlocked.Increment(ref signals) == 1)
        {
            messages.WriteLine("Cancelling… press Ctrl-C again to stop at once.");
            // The callbacks (stopping tools, ending targets) run elsewhere, so this handler is free for the next signal.
            _ = cancellation.CancelAsync();
            return;
        }

        Volatile.Write(ref stoppedAtOnce, exitCode);
        ToolProcesses.StopAll();
        Environment.Exit(exitCode);
    }
}
