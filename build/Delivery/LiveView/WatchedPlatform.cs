using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery.LiveView;

/// <summary>
/// The deploy's platform, unchanged, with each answer also told to an <see cref="IPlatformObserver"/>: the live view
/// learns releases, health and weights from the calls the deploy makes anyway, so it costs the platform no extra call
/// (ECS rate limits). Used only when a view observes; the plain lines get the platform itself.
/// </summary>
public sealed class WatchedPlatform(IDeploymentPlatform platform, IPlatformObserver observer) : IDeploymentPlatform
{
    public string Description => platform.Description;

    public Uri PublicAddress => platform.PublicAddress;

    public Uri TestAddress => platform.TestAddress;

    public Task CheckReachableAsync(CancellationToken cancellation) => platform.CheckReachableAsync(cancellation);

    public async Task<int> CapacityAsync(Color color, CancellationToken cancellation) =>
        Told(await platform.CapacityAsync(color, cancellation), running => observer.Capacity(color, running));

    public async Task StageAsync(Color color, StageRequest request, CancellationToken cancellation)
    {
        await platform.StageAsync(color, request, cancellation);
        observer.Staged(color, request);
    }

    public async Task<ColorStatus> ObserveAsync(Color color, CancellationToken cancellation) =>
        Told(await platform.ObserveAsync(color, cancellation), status => observer.Observed(color, status));

    public Task TidyAsync(CancellationToken cancellation) => platform.TidyAsync(cancellation);

    public async Task StopAsync(Color color, TimeSpan drain, CancellationToken cancellation)
    {
        await platform.StopAsync(color, drain, cancellation);
        observer.Stopped(color);
    }

    public async Task<HealthReading> CheckHealthAsync(Color color, CancellationToken cancellation) =>
        Told(await platform.CheckHealthAsync(color, cancellation), health => observer.Health(color, health));

    public Task SetWeightsAsync(TrafficWeights weights, CancellationToken cancellation) => platform.SetWeightsAsync(weights, cancellation);

    public async Task<TrafficWeights> ReadWeightsAsync(CancellationToken cancellation) =>
        Told(await platform.ReadWeightsAsync(cancellation), observer.Weights);

    public Task RouteTestTrafficAsync(Color color, CancellationToken cancellation) => platform.RouteTestTrafficAsync(color, cancellation);

    public Task<TrafficSample> SampleAsync(Color color, CancellationToken cancellation) => platform.SampleAsync(color, cancellation);

    public async Task<EnvironmentState> ReadStateAsync(CancellationToken cancellation) =>
        Told(await platform.ReadStateAsync(cancellation), observer.State);

    public async Task WriteStateAsync(EnvironmentState state, CancellationToken cancellation)
    {
        await platform.WriteStateAsync(state, cancellation);
        observer.State(state);
    }

    public Task<DeployLock?> TryAcquireLockAsync(DeployLock wanted, DeployLock? replacing, CancellationToken cancellation) =>
        platform.TryAcquireLockAsync(wanted, replacing, cancellation);

    public Task ReleaseLockAsync(DeployLock held, CancellationToken cancellation) => platform.ReleaseLockAsync(held, cancellation);

    public Task<string?> NotReadyAsync(CancellationToken cancellation) => platform.NotReadyAsync(cancellation);

    public Task<EnvironmentState> PeekStateAsync(CancellationToken cancellation) => platform.PeekStateAsync(cancellation);

    public Task<DeployLock?> PeekLockAsync(CancellationToken cancellation) => platform.PeekLockAsync(cancellation);

    public Task<ColorDefinition?> DefinitionAsync(Color color, CancellationToken cancellation) => platform.DefinitionAsync(color, cancellation);

    public Task<ColorDefinition> StagedDefinitionAsync(Color color, string image, string? version, string? commit, CancellationToken cancellation) =>
        platform.StagedDefinitionAsync(color, image, version, commit, cancellation);

    private static T Told<T>(T answer, Action<T> tell)
    {
        tell(answer);
        return answer;
    }
}
