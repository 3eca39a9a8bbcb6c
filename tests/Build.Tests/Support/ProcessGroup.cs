using System.Globalization;

namespace BuildTests;

/// <summary>Process groups as Linux reports them (it reads /proc).</summary>
internal static class ProcessGroup
{
    /// <summary>The group of a live process, from /proc/PID/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so read after its closing parenthesis.</summary>
    public static int Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2], CultureInfo.InvariantCulture);
    }
}
