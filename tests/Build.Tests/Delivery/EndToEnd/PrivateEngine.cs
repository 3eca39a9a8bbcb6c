using System.Diagnostics;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// A Docker engine of one test's own, started as build/services/docker.sh starts the shared one (vfs, no bridge, a
/// private socket), so the test can restart it as a reboot or `local-environment.sh down` then `up` would, without
/// taking the engine away from every other test. Its data survives a restart; on dispose it is stopped and deleted.
/// </summary>
internal sealed class PrivateEngine : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("eng-").FullName;
    private Process? daemon;

    private PrivateEngine()
    {
    }

    /// <summary>What to set DOCKER_HOST to.</summary>
    public string Host => $"unix://{folder}/docker.sock";

    /// <summary>Why the test cannot start an engine here, or null: starting dockerd needs root and Debian's docker.io.</summary>
    public static string? Missing() =>
        !Environment.IsPrivilegedProcess ? "starting a Docker engine of the test's own needs root"
        : !File.Exists("/usr/bin/dockerd") && !File.Exists("/usr/sbin/dockerd") ? "dockerd is not installed (apt-get install docker.io)"
        : null;

    public static async Task<PrivateEngine> StartAsync()
    {
        var engine = new PrivateEngine();
        try
        {
            await engine.StartDaemonAsync();
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }

        return engine;
    }

    /// <summary>Stops the engine as a shutdown does (SIGTERM: it stops its containers first), then starts it again on the same data.</summary>
    public async Task RestartAsync()
    {
        await StopDaemonAsync();
        await StartDaemonAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopDaemonAsync();
        // A killed engine leaves its containers' file systems mounted, and rm fails under a mount.
        foreach (var mount in File.ReadAllLines("/proc/mounts").Select(line => line.Split(' ')[1]).Where(m => m.StartsWith(folder + "/", StringComparison.Ordinal)).OrderDescending())
            Run("umount", "-l", mount);
        Directory.Delete(folder, recursive: true);
    }

    private async Task StartDaemonAsync()
    {
        var start = new ProcessStartInfo("dockerd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--data-root", $"{folder}/data", "--exec-root", $"{folder}/exec", "--pidfile", $"{folder}/dockerd.pid",
                     "--storage-driver", "vfs", "--iptables=false", "--ip6tables=false", "--bridge=none", "--host", Host,
                 })
            start.ArgumentList.Add(argument);
        daemon = Process.Start(start)!;
        var log = Path.Combine(folder, "dockerd.log");
        _ = Task.Run(() => File.AppendAllText(log, daemon.StandardError.ReadToEnd()));
        _ = Task.Run(() => daemon.StandardOutput.ReadToEnd());
        var clock = Stopwatch.StartNew();
        while (Run("docker", "-H", Host, "version") != 0)
        {
            if (daemon.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"the test's own engine did not answer at {Host} (exited: {daemon.HasExited}); log: {log}");
            await Task.Delay(200);
        }
    }

    private async Task StopDaemonAsync()
    {
        if (daemon is null || daemon.HasExited)
            return;
        Run("kill", "-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await daemon.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            daemon.Kill(entireProcessTree: true);
            await daemon.WaitForExitAsync();
        }

        daemon.Dispose();
        daemon = null;
    }

    private static int Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
