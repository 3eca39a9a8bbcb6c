using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Engine;
using Pipeline.Delivery;
using Pipeline.Recovery;
using Pipeline.Tools;
using Pipeline.Waiting;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The live release serving from the drill's database: a container of its image on a free port of 127.0.0.1 that no
/// listener of the router reaches, awaited until /health/ready answers 200; removed on dispose.
/// </summary>
internal sealed class LocalDrillInstance : IDrillInstance
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);
    private const int LogLines = 20;

    private readonly LocalPlatformSettings settings;
    private readonly string name;

    private LocalDrillInstance(LocalPlatformSettings settings, string name, Uri address, long schemaVersion) =>
        (this.settings, this.name, Address, SchemaVersion) = (settings, name, address, schemaVersion);

    public Uri Address { get; }

    public long? SchemaVersion { get; }

    public static async Task<LocalDrillInstance> StartAsync(
        LocalPlatformSettings settings, string drillLabel, ColorRelease release, string name, IReadOnlyDictionary<string, string> secrets, long schemaVersion, CancellationToken cancellation)
    {
        var port = FreePort();
        await DockerEngineApi.Run(settings.Docker, new DockerRun(release.Image, name)
        {
            Network = "host",
            Environment = ColorContainers.ServiceVariables(port, release.Version, release.Commit),
            SecretEnvironment = secrets,
            Labels = new Dictionary<string, string> { [drillLabel] = settings.Name, [ColorContainers.LabelPrefix + "image"] = release.Image },
        }, cancellation);
        var instance = new LocalDrillInstance(settings, name, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), schemaVersion);
        return await DrillStart.OrRemoveAsync(instance, () => instance.AwaitReadyAsync(cancellation));
    }

    public async ValueTask DisposeAsync()
    {
        await DockerEngineApi.Remove(settings.Docker, name, force: true, CancellationToken.None);
        Log.Information($"removed the drill's container {name}");
    }

    private async Task AwaitReadyAsync(CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = SystemDeployClock.Instance;
        var awaiting = new Awaiting(clock, new BuildWaitLog(clock, TimeSpan.FromSeconds(10)), PollPace.Fixed(TimeSpan.FromMilliseconds(500)));
        await awaiting.UntilAsync($"{name} to be ready", ReadyDeadline, async token =>
        {
            if (await DockerEngineApi.InspectContainer(settings.Docker, name, token) is not { Status: "running" })
            {
                var logs = await DockerEngineApi.Logs(settings.Docker, name, LogLines, token);
                return Look.Failed($"the container stopped: {logs.LastOrDefault(line => line.Trim().Length > 0) ?? "no output"}");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(Address, "health/ready"), token);
                return answer.StatusCode == HttpStatusCode.OK ? Look.Reached("ready") : Look.Pending($"/health/ready answered {(int)answer.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                return Look.Pending($"/health/ready: {e.Message}");
            }
            catch (TaskCanceledException) when (!token.IsCancellationRequested)
            {
                return Look.Pending("/health/ready: no answer within 5 s");
            }
        }, cancellation);
    }

    // The kernel picks a port nobody listens on; it is free again once the listener closes, for the container to take.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
