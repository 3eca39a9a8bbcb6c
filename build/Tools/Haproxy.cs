using Engine;

namespace Pipeline.Tools;

/// <summary>Typed calls of the HAProxy executable (Debian's haproxy package): the config check and the daemon start.</summary>
internal static class Haproxy
{
    /// <summary>Where haproxy is: on PATH, or in /usr/sbin (Debian's place, missing from a normal user's PATH); null when not installed.</summary>
    public static string? Find()
    {
        if (BuildEnvironment.Get("HAPROXY_EXE") is { Length: > 0 } overridden)
            return overridden;
        var directories = (BuildEnvironment.Get("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin");
        return directories.Select(directory => Path.Combine(directory, "haproxy")).FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Starts HAProxy in the background (-D: it forks, closes its standard streams and the first process exits), its
    /// pid written to <paramref name="pidFile"/>. A config or bind error makes it exit non-zero, with [ALERT] lines.
    /// </summary>
    public static Task<ToolResult> StartDaemon(string executable, AbsolutePath config, AbsolutePath pidFile, CancellationToken cancellation) =>
        ToolRunner.RunUncheckedAsync(
            new ToolInvocation(executable, ["-D", "-p", pidFile, "-f", config])
            {
                // The daemon keeps its working directory: the config's, not a checkout that may be deleted.
                WorkingDirectory = config.Parent,
                LogOutput = false,
                Timeout = TimeSpan.FromSeconds(30),
            },
            cancellation);
}
