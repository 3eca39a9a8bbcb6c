using System.ComponentModel;
using System.Diagnostics;

namespace Engine;

/// <summary>
/// The tool processes this build started and that are still running, so that a hard stop (a second Ctrl-C) can end
/// them all before the build exits. Each is started with <see cref="MarkerVariable"/> set to its own id, which
/// everything it starts inherits: a shell's background job that outlived the shell (reparented away, so not in the
/// tree any more) is still found by it and stopped.
/// </summary>
internal static class ToolProcesses
{
    public const string MarkerVariable = "BUILD_TOOL_ID";

    private static readonly Dictionary<Process, string> Running = [];
    private static bool stopping;

    public static Process Start(ProcessStartInfo start)
    {
        var marker = Guid.NewGuid().ToString("N");
        start.Environment[MarkerVariable] = marker;
        // Started and registered under the lock StopAll takes, so that no tool starts unseen while it runs.
        lock (Running)
        {
            if (stopping)
                throw new OperationCanceledException("The build is stopping: no more tools start.");
            var process = Process.Start(start)!;
            Running[process] = marker;
            return process;
        }
    }

    public static void Forget(Process process)
    {
        lock (Running)
            Running.Remove(process);
    }

    /// <summary>Kills the tool, everything it started, and whatever still carries its marker.</summary>
    public static void Stop(Process process)
    {
        string? marker;
        lock (Running)
            Running.TryGetValue(process, out marker);
        Kill(process);
        if (marker is not null)
        {
            foreach (var pid in Marked(marker))
                Kill(pid);
        }
    }

    /// <summary>Stops every running tool; from now on none starts.</summary>
    public static void StopAll()
    {
        lock (Running)
        {
            stopping = true;
            foreach (var process in Running.Keys.ToList())
                Stop(process);
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            Kill(process);
        }
        catch (ArgumentException)
        {
            // Gone already.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Exited meanwhile, or not ours to kill.
        }
    }

    /// <summary>Processes whose environment holds the marker; only Linux shows that (in /proc), elsewhere none.</summary>
    private static IEnumerable<int> Marked(string marker)
    {
        if (!OperatingSystem.IsLinux())
            yield break;
        var entry = $"{MarkerVariable}={marker}";
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ReadEnvironment(pid).Split('\0').Contains(entry))
                yield return pid;
        }
    }

    private static string ReadEnvironment(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // exited meanwhile, or another user's
        }
    }
}
