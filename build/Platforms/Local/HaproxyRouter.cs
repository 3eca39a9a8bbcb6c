using System.Globalization;
using System.Net.Sockets;
using Pipeline.Delivery;
using Pipeline.IO;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The local router: HAProxy's admin socket for weights (percent), the test route, server states and statistics.
/// When HAProxy is not running it is started first, configured from the stored state (live color 100%, test listener
/// on the idle color), which is all that survives a restart.
/// </summary>
internal sealed class HaproxyRouter(LocalPlatformSettings settings, Func<CancellationToken, Task<EnvironmentState>> readState)
{
    private readonly HaproxyDaemon daemon = new(settings);

    public HaproxyDaemon Daemon => daemon;

    /// <summary>
    /// Under a guard, and asked again once it is held: two processes (or two threads) that find HAProxy not running
    /// must not both start one, since the second would share the ports and the socket and split the traffic.
    /// </summary>
    public async Task EnsureRunningAsync(CancellationToken cancellation)
    {
        if (await daemon.AnswersAsync(cancellation))
            return;
        using var guard = await FileGuard.AcquireAsync(settings.State / ".haproxy.start.guard", TimeSpan.FromMinutes(3), cancellation);
        if (!await daemon.AnswersAsync(cancellation))
            await daemon.StartAsync(RouterStart.From(await readState(cancellation)), cancellation);
    }

    /// <summary>The weight HAProxy applies to the color in the public backend (0 while it drains or is in maintenance).</summary>
    public async Task<int> WeightAsync(Color color, CancellationToken cancellation)
    {
        // "10 (initial 100)": the current weight, then the one the config started with.
        var answer = (await SendAsync($"get weight {HaproxyConfig.PublicBackend}/{color.Name()}", cancellation)).Trim();
        if (!int.TryParse(answer.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            throw new InvalidOperationException($"HAProxy ({daemon.Socket.Path}) answered 'get weight' with '{answer}'");
        var states = await SendAsync($"show servers state {HaproxyConfig.PublicBackend}", cancellation);
        return ServerAdminState.TakesNoTraffic(states, color.Name()) ? 0 : weight;
    }

    public Task SetWeightAsync(Color color, int weight, CancellationToken cancellation) =>
        RunAsync($"set weight {HaproxyConfig.PublicBackend}/{color.Name()} {weight.ToString(CultureInfo.InvariantCulture)}", cancellation);

    /// <summary>ready (takes traffic by its weight and checks), drain (no new requests) or maint (nothing, not even checks).</summary>
    public Task SetStateAsync(string backend, Color color, string state, CancellationToken cancellation) =>
        RunAsync($"set server {backend}/{color.Name()} state {state}", cancellation);

    public async Task<ServerStats> ServerAsync(string backend, Color color, CancellationToken cancellation)
    {
        var servers = ServerStats.Parse(await SendAsync("show stat", cancellation));
        return servers.FirstOrDefault(s => s.Backend == backend && s.Server == color.Name())
            ?? throw new InvalidOperationException($"HAProxy ({daemon.Socket.Path}) has no server {backend}/{color.Name()}: it runs another config; stop it (kill {daemon.ReadPid()}) and run again");
    }

    /// <summary>A command that answers nothing when it succeeds (set weight, set server): any text is HAProxy's refusal.</summary>
    private async Task RunAsync(string command, CancellationToken cancellation)
    {
        var answer = (await SendAsync(command, cancellation)).Trim();
        if (answer.Length > 0)
            throw new InvalidOperationException($"HAProxy ({daemon.Socket.Path}) refused '{command}': {answer.ReplaceLineEndings(" ")}");
    }

    private async Task<string> SendAsync(string command, CancellationToken cancellation)
    {
        try
        {
            return await daemon.Socket.SendAsync(command, cancellation);
        }
        catch (SocketException)
        {
            // Not running (never started, or it died): start it from the stored state and ask again.
            await EnsureRunningAsync(cancellation);
        }

        try
        {
            return await daemon.Socket.SendAsync(command, cancellation);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"HAProxy for {settings.Name} does not answer on {daemon.Socket.Path}: {e.Message}", e);
        }
    }
}
