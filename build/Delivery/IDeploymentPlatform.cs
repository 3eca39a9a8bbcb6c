/// <summary>
/// Where blue/green runs: the local platform (Docker containers behind HAProxy) or ECS (two services behind an
/// Application Load Balancer). <c>BlueGreenDeployment</c> is written against this alone, so a platform
/// adds no deploy logic: each member reads or changes one thing and says what it saw.
/// </summary>
public interface IDeploymentPlatform
{
    /// <summary>One line for the log: what and where (e.g. "local: HAProxy on 127.0.0.1:8080, Docker").</summary>
    string Description { get; }

    /// <summary>The production listener users reach.</summary>
    Uri PublicAddress { get; }

    /// <summary>The test listener: always reaches the color <see cref="RouteTestTrafficAsync"/> last named.</summary>
    Uri TestAddress { get; }

    /// <summary>Fails with one line when the platform cannot be reached (router down, engine down, no credentials).</summary>
    Task CheckReachableAsync(CancellationToken cancellation);

    Task<EnvironmentState> ReadStateAsync(CancellationToken cancellation);

    /// <summary>Replaces the stored state; atomic, so a crash leaves the old state or the new one.</summary>
    Task WriteStateAsync(EnvironmentState state, CancellationToken cancellation);

    /// <summary>
    /// Takes the lock when nobody holds it, or when <paramref name="replacing"/> is exactly its current holder.
    /// Returns null when taken, otherwise the holder.
    /// </summary>
    Task<DeployLock?> TryAcquireLockAsync(DeployLock wanted, DeployLock? replacing, CancellationToken cancellation);

    /// <summary>Releases the lock when <paramref name="held"/> still holds it (never someone else's).</summary>
    Task ReleaseLockAsync(DeployLock held, CancellationToken cancellation);

    /// <summary>How many instances of the color run now (0 when stopped).</summary>
    Task<int> CapacityAsync(Color color, CancellationToken cancellation);

    /// <summary>Starts the image on the color at the given capacity, replacing whatever ran there; returns once started, not once healthy.</summary>
    Task StageAsync(Color color, StageRequest request, CancellationToken cancellation);

    /// <summary>The color's instances as the platform sees them: starting, running, or failed (with why).</summary>
    Task<ColorStatus> ObserveAsync(Color color, CancellationToken cancellation);

    /// <summary>The color's health as the router or load balancer sees it (what decides whether it may take traffic).</summary>
    Task<HealthReading> CheckHealthAsync(Color color, CancellationToken cancellation);

    Task SetWeightsAsync(TrafficWeights weights, CancellationToken cancellation);

    /// <summary>The weights the router really applies, read back (not the ones last asked for).</summary>
    Task<TrafficWeights> ReadWeightsAsync(CancellationToken cancellation);

    Task RouteTestTrafficAsync(Color color, CancellationToken cancellation);

    /// <summary>The color's production traffic so far: cumulative counters, so the analysis takes differences.</summary>
    Task<TrafficSample> SampleAsync(Color color, CancellationToken cancellation);

    /// <summary>After a deploy went live: removes what is no longer needed (ECS: old task definition revisions).</summary>
    Task TidyAsync(CancellationToken cancellation) => Task.CompletedTask;

    /// <summary>Stops the color after its open connections drain (at most <paramref name="drain"/>); stopping a stopped color does nothing.</summary>
    Task StopAsync(Color color, TimeSpan drain, CancellationToken cancellation);
}

/// <summary>What to start on a color: the image by digest at a capacity, and what it should report on /version.</summary>
public sealed record StageRequest(ImageDigest Image, int Capacity, string? Version, string? Commit);

public enum ColorState
{
    Stopped,
    Starting,
    Running,
    Failed,
}

/// <summary>A color's instances: their state and, for a failure, why (exit code, restarts, the last log lines).</summary>
public sealed record ColorStatus(ColorState State, string Detail, string? Image = null, int? ExitCode = null, int Restarts = 0, IReadOnlyList<string>? LastLogLines = null);

public sealed record HealthReading(bool Healthy, string Detail);

/// <summary>Cumulative production traffic a color has served: requests, 5xx answers, and the mean response time.</summary>
public sealed record TrafficSample(long Requests, long ServerErrors, double? AverageResponseMs);
