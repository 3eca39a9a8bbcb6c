using System.Diagnostics;
using System.Globalization;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// A build started in a process group of its own, whose output lines are read as they come, so a test
/// can act at a moment of the deploy (a line such as "step 50%") and kill the build there, as a crash or `kill -9` would.
/// </summary>
internal sealed class RunningBuild : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly Task reading;
    private readonly Task<string> errors;

    public RunningBuild(Process process)
    {
        this.process = process;
        reading = Task.Run(ReadAsync);
        errors = process.StandardError.ReadToEndAsync();
    }

    public string Output
    {
        get
        {
            lock (lines)
                return string.Join('\n', lines);
        }
    }

    /// <summary>Returns the first line that contains <paramref name="fragment"/> once it is printed; fails when the build ends or the time passes first.</summary>
    public async Task<string> WaitForLineAsync(string fragment, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (lines)
            {
                if (lines.Find(line => line.Contains(fragment, StringComparison.Ordinal)) is { } line)
                    return line;
            }

            if (reading.IsCompleted || clock.Elapsed > timeout)
                throw new Xunit.Sdk.XunitException($"the build never printed '{fragment}' ({(reading.IsCompleted ? "it ended" : $"{timeout.TotalSeconds:0} s passed")}); output:\n{Output}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>
    /// SIGKILL to the build's whole process group (the build and the tools it runs): nothing of it gets to clean up.
    /// Returns false when the build had ended by itself first (it was about to: the line waited for was among its last).
    /// </summary>
    public async Task<bool> KillAsync()
    {
        if (process.HasExited)
            return false;
        await SignalGroupAsync("KILL");
        // Reaped before the next run looks at the lock, so the holder's process is gone, not a zombie.
        await process.WaitForExitAsync();
        await reading;
        return process.ExitCode == 128 + 9;
    }

    /// <summary>SIGINT to the build's process group, as Ctrl-C in its terminal sends it; the build then cleans up and ends by itself.</summary>
    public Task InterruptAsync() => SignalGroupAsync("INT");

    private async Task SignalGroupAsync(string signal)
    {
        // The build leads its own group (setpgid, then exec); were it not, the group would be the test's own.
        var group = ProcessGroup.Of(process.Id);
        if (group != process.Id)
            throw new InvalidOperationException($"the build (pid {process.Id}) does not lead its process group ({group}): not signalling that group");
        using var kill = Process.Start("kill", ["-s", signal, "--", (-group).ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the build to end by itself; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        await reading;
        return (process.ExitCode, Output + "\n" + await errors);
    }

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (lines)
                lines.Add(line);
        }
    }
}
