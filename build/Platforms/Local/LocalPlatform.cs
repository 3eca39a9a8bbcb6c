using System.Diagnostics;
using Engine;
using Pipeline.Delivery;
using Pipeline.Delivery.Roles;
using Pipeline.Tools;

namespace Pipeline.Platforms.Local;

/// <summary>
/// Blue/green on one machine: the colors are Docker containers (<see cref="ColorContainers"/>), HAProxy is the router
/// (<see cref="HaproxyRouter"/>: public listener by weight, test listener on one color, health checks, statistics),
/// and state and lock are files in the state folder, so another process, or a re-run after a crash, reads the truth.
/// </summary>
internal sealed partial class LocalPlatform : IDeploymentPlatform
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(100);
    private readonly LocalPlatformSettings settings;
    private readonly StateFile state;
    private readonly LockFile lockFile;
    private readonly ColorContainers containers;
    private readonly HaproxyRouter router;

    public LocalPlatform(LocalPlatformSettings settings)
    {
        this.settings = settings;
        state = new StateFile(settings.State / "state.json");
        lockFile = new LockFile(settings.State / "lock.json");
        containers = new ColorContainers(settings);
        router = new HaproxyRouter(settings, ReadStateAsync);
        ContainerSecrets.Register(settings.ContainerEnvironment);
    }

    public string Description => $"local: HAProxy on {PublicAddress} (test listener {TestAddress}), Docker at {settings.Docker}, state in {settings.State}";

    public Uri PublicAddress => new($"http://127.0.0.1:{settings.PublicPort}/");

    public Uri TestAddress => new($"http://127.0.0.1:{settings.TestPort}/");

    internal HaproxyRouter Router => router;

    /// <summary>The engine first: with it down nothing is started, not even the router.</summary>
    public async Task CheckReachableAsync(CancellationToken cancellation)
    {
        await DockerEngineApi.EngineVersion(settings.Docker, cancellation);
        await router.EnsureRunningAsync(cancellation);
    }

    public Task<DeployLock?> TryAcquireLockAsync(DeployLock wanted, DeployLock? replacing, CancellationToken cancellation) =>
        lockFile.TryAcquireAsync(wanted, replacing, cancellation);

    public Task ReleaseLockAsync(DeployLock held, CancellationToken cancellation) => lockFile.ReleaseAsync(held, cancellation);

    public async Task<int> CapacityAsync(Color color, CancellationToken cancellation) =>
        await containers.InspectAsync(color, cancellation) is { IsRunning: true } ? 1 : 0;

    /// <summary>
    /// Refuses a color that serves traffic (weighted, and running). The color's server is in maintenance while its container is replaced, so
    /// HAProxy forgets the old container's checks: back to ready, it is checked at once and is UP only once the new one answers.
    /// </summary>
    public async Task StageAsync(Color color, StageRequest request, CancellationToken cancellation)
    {
        // A weighted color whose container does not run serves nothing: restarting the live color is how a deploy repairs it.
        var weight = await router.WeightAsync(color, cancellation);
        if (weight > 0 && await containers.InspectAsync(color, cancellation) is { IsRunning: true })
            throw new InvalidOperationException($"{color.Name()} receives {weight}% of {settings.Name}'s traffic: stage the idle color, or move the traffic first");
        if (request.Capacity != 1)
            Log.Information($"local: one container per color ({request.Capacity} asked)");
        await router.SetStateAsync(HaproxyConfig.PublicBackend, color, "maint", cancellation);
        try
        {
            await containers.StartAsync(color, request, cancellation);
        }
        catch (ImageUnavailableException e) when (weight > 0)
        {
            throw new InvalidOperationException($"{settings.Name}'s live release on {color.Name()} cannot be started again: {e.Message}; push that image to {e.Registry} again, or move {state.Path} aside so that the next deploy is this environment's first");
        }
        finally
        {
            // Ready whether or not the container started: a server left in maintenance reads as weight 0, and the
            // repair after a failed start would find traffic on neither color and could not put it back.
            await router.SetStateAsync(HaproxyConfig.PublicBackend, color, "ready", CancellationToken.None);
        }

        Log.Information($"staged {request.Image.Short} on {color.Name()}: {settings.ContainerName(color)} on 127.0.0.1:{settings.PortOf(color)}");
    }

    public Task<ColorStatus> ObserveAsync(Color color, CancellationToken cancellation) => containers.ObserveAsync(color, cancellation);

    /// <summary>Drain in HAProxy (no new requests), wait for the open ones to finish, then stop and remove the container.</summary>
    public async Task StopAsync(Color color, TimeSpan drain, CancellationToken cancellation)
    {
        if (await containers.InspectAsync(color, cancellation) is null)
            return;
        await router.SetStateAsync(HaproxyConfig.PublicBackend, color, "drain", cancellation);
        var clock = Stopwatch.StartNew();
        long open;
        while ((open = (await router.ServerAsync(HaproxyConfig.PublicBackend, color, cancellation)).CurrentSessions) > 0 && clock.Elapsed < drain)
            await Task.Delay(DrainPoll, cancellation);
        if (open > 0)
            Log.Warning($"{color.Name()} still had {open} open request(s) after draining for {drain.TotalSeconds:0.0} s: stopping it anyway");
        await containers.StopAsync(color, cancellation);
        Log.Information($"stopped {settings.ContainerName(color)} after draining for {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
