using System.Net.Sockets;
using Engine;
using Pipeline.Delivery;
using Pipeline.IO;
using Pipeline.Tools;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The HAProxy process of one environment, kept in its state folder (haproxy.cfg, haproxy.pid, haproxy.sock):
/// started daemonized when nothing answers on the socket, with the config written from the stored state, since
/// weights set at run time die with the process. It outlives the build on purpose: it is the environment's router.
/// </summary>
internal sealed class HaproxyDaemon(LocalPlatformSettings settings)
{
    // sun_path is 108 bytes with its terminating zero.
    private const int MaxSocketPath = 107;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    public AbsolutePath Config => settings.State / "haproxy.cfg";
    public AbsolutePath PidFile => settings.State / "haproxy.pid";
    public HaproxySocket Socket { get; } = new(settings.State / "haproxy.sock");

    /// <summary>True when HAProxy answers on the socket; a socket file nobody listens on (HAProxy died) is false.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellation)
    {
        try
        {
            await Socket.SendAsync("show info", cancellation);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
        {
            throw new InvalidOperationException($"HAProxy's admin socket {Socket.Path} is not ours to use ({e.Message}): it was started by another user", e);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async Task StartAsync(RouterStart start, CancellationToken cancellation)
    {
        var executable = await InstalledAsync(cancellation);
        if (Socket.Path.Value.Length > MaxSocketPath)
            throw new InvalidOperationException($"HAProxy's admin socket path {Socket.Path} is longer than {MaxSocketPath} bytes: choose a shorter state directory");
        settings.State.CreateDirectory();
        AtomicFile.WriteAllText(Config, HaproxyConfig.Render(settings, Socket.Path, start));
        var result = await Haproxy.StartDaemon(executable, Config, PidFile, cancellation);
        if (result.ExitCode != 0)
        {
            var alert = result.Errors.Concat(result.Output).FirstOrDefault(line => line.Contains("[ALERT]", StringComparison.Ordinal))
                ?? result.Errors.LastOrDefault(line => line.Trim().Length > 0) ?? $"exit code {result.ExitCode}";
            throw new InvalidOperationException($"HAProxy for {settings.Name} could not start ({Config}): {alert.Trim()}");
        }

        var started = DateTime.UtcNow;
        while (!await AnswersAsync(cancellation))
        {
            if (DateTime.UtcNow - started > StartTimeout)
                throw new InvalidOperationException($"HAProxy for {settings.Name} started but its admin socket {Socket.Path} does not answer after {StartTimeout.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellation);
        }

        Log.Information($"started HAProxy for {settings.Name} (pid {ReadPid()}): public 127.0.0.1:{settings.PublicPort} {start.Weights}, test 127.0.0.1:{settings.TestPort} → {start.TestColor.Name()}");
    }

    public int? ReadPid() => File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid) ? pid : null;

    private static async Task<string> InstalledAsync(CancellationToken cancellation)
    {
        if (Haproxy.Find() is { } found)
            return found;
        if (!AptGet.CanInstall)
            throw new InvalidOperationException("HAProxy is not installed: apt-get install haproxy (as root), or set HAPROXY_EXE");
        Log.Information("HAProxy is not installed: installing it with apt-get");
        await AptGet.Install("haproxy", cancellation);
        return Haproxy.Find() ?? throw new InvalidOperationException("HAProxy is still not found after apt-get install haproxy");
    }
}
