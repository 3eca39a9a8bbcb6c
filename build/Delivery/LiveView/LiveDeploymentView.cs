using System.Runtime.InteropServices;
using Engine;
using Pipeline.Waiting;

namespace Pipeline.Delivery.LiveView;

/// <summary>
/// The deploy as one table at the bottom of an interactive terminal, redrawn four times a second (the bake's elapsed
/// time ticks between measurements), with the build's lines (the deploy's events, the platform's notes) printed above
/// it: they go through the build's output as ever (redacted, by verbosity), which hands them here instead of writing
/// over the table. Waiting status lines are not printed: the table shows them. Disposing draws it a last time and
/// gives the terminal back.
/// </summary>
internal sealed class LiveDeploymentView : IDeploymentView
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);
    private readonly DeploymentBoard board;
    private readonly TerminalRegion region = new(Console.OpenStandardOutput());
    private readonly IDisposable diversion;
    private readonly PosixSignalRegistration[] signals;
    private readonly ManualResetEventSlim stopping = new();
    private readonly Thread redraw;
    private readonly bool unicode = IsUtf8(BuildEnvironment.Get("LC_ALL") ?? BuildEnvironment.Get("LC_CTYPE") ?? BuildEnvironment.Get("LANG"));
    private volatile bool broken;

    public LiveDeploymentView(string environment, DeploymentSettings settings, BuildOutput output)
    {
        board = new DeploymentBoard(environment, settings, SystemDeployClock.Instance, output.Secrets.Redact);
        // Errors go to standard error as ever when that is not this terminal (2> errors.log).
        diversion = output.Divert(line => (!line.IsError || !Console.IsErrorRedirected) && Print(line.Text));
        // Not cancelling anything: the build's own handler does that. Ctrl-C's echo and the build's "Cancelling…" land
        // below the table, written past the output's diversion.
        signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, _ => region.Detach()))];
        // A thread of its own, not a timer: a cancelled build's callbacks can hold the thread pool for seconds.
        redraw = new Thread(RedrawUntilStopped) { IsBackground = true, Name = "live deploy view" };
        redraw.Start();
    }

    public IPlatformObserver Observer => board;

    public void Event(string text)
    {
        board.Event(text);
        Log.Information(text);
    }

    public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed) => board.Waiting(awaited, elapsed, deadline, observed);

    public void Baking(int percent, TimeSpan total) => board.Baking(percent, total);

    public void Measured(int percent, TimeSpan elapsed, TimeSpan total, Measurement latest) => board.Measured(percent, elapsed, total, latest);

    public void Dispose()
    {
        // Waits for a redraw under way, so the last frame drawn is the final one.
        stopping.Set();
        redraw.Join();
        stopping.Dispose();
        Redraw();
        diversion.Dispose();
        foreach (var signal in signals)
            signal.Dispose();
        region.Dispose();
    }

    private bool Print(string line)
    {
        region.Above(line);
        return true;
    }

    private void RedrawUntilStopped()
    {
        do
            Redraw();
        while (!stopping.Wait(RedrawInterval));
    }

    /// <summary>On the drawing thread, where an exception would end the process: a table that cannot be drawn stops being drawn, the deploy goes on.</summary>
    private void Redraw()
    {
        if (broken)
            return;
        try
        {
            Draw();
        }
        catch (Exception e)
        {
            broken = true;
            region.Above($"the live view stopped drawing: {e.GetType().Name}: {e.Message}");
        }
    }

    private void Draw()
    {
        // Nothing to show before the first event: a Rollback that finds nothing to do draws no table at all.
        if (board.Snapshot() is not { Events.Count: > 0 } snapshot)
            return;
        var (width, rows) = Size();
        region.Draw(BoardTable.Draw(snapshot, width, unicode), rows);
    }

    /// <summary>One column short of the width, so a full line never makes the terminal wrap.</summary>
    private static (int Width, int Rows) Size()
    {
        try
        {
            return (Math.Max(40, Console.WindowWidth - 1), Math.Max(10, Console.WindowHeight));
        }
        catch (IOException)
        {
            return (79, 24);
        }
    }

    private static bool IsUtf8(string? locale) => locale?.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) == true || locale?.Contains("utf8", StringComparison.OrdinalIgnoreCase) == true;
}
