namespace BuildTests;

/// <summary>
/// The live processes whose environment holds a marker variable that a test gave the process it started: all its
/// descendants inherit it, even those that outlived their parent. Linux only (it reads /proc).
/// </summary>
internal static class MarkedProcesses
{
    public sealed record Entry(int Pid, string State, string CommandLine)
    {
        public override string ToString() => $"{Pid} ({State}) {CommandLine}";
    }

    public static IReadOnlyList<Entry> Find(string variable, string value)
    {
        var marker = $"{variable}={value}";
        var found = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            // A zombie's environment reads empty: it has exited, only its exit status is left to collect.
            if (Read(pid, "environ").Split('\0').Contains(marker))
                found.Add(new Entry(pid, State(pid), Read(pid, "cmdline").Replace('\0', ' ').Trim()));
        }

        return found;
    }

    public static void Kill(IEnumerable<Entry> processes)
    {
        foreach (var process in processes)
        {
            try
            {
                using var running = System.Diagnostics.Process.GetProcessById(process.Pid);
                running.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone already.
            }
        }
    }

    /// <summary>R running, S sleeping, T stopped … from /proc/PID/stat, after the command name in parentheses.</summary>
    private static string State(int pid)
    {
        var stat = Read(pid, "stat");
        var end = stat.LastIndexOf(')');
        return end < 0 || end + 2 >= stat.Length ? "?" : stat[end + 2].ToString();
    }

    private static string Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
