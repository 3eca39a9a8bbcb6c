namespace Pipeline.Delivery.Roles;

/// <summary>
/// The router role: where users and tests reach the environment, how their traffic splits between the colors, and
/// the health the router itself sees (what decides whether a color may take traffic). ECS: the load balancer's
/// listeners; local: HAProxy.
/// </summary>
public interface ITrafficRouter
{
    /// <summary>The production listener users reach.</summary>
    Uri PublicAddress { get; }

    /// <summary>The test listener: always reaches the color <see cref="RouteTestTrafficAsync"/> last named.</summary>
    Uri TestAddress { get; }

    /// <summary>The color's health as the router or load balancer sees it (what decides whether it may take traffic).</summary>
    Task<HealthReading> CheckHealthAsync(Color color, CancellationToken cancellation);

    Task SetWeightsAsync(TrafficWeights weights, CancellationToken cancellation);

    /// <summary>The weights the router really applies, read back (not the ones last asked for).</summary>
    Task<TrafficWeights> ReadWeightsAsync(CancellationToken cancellation);

    Task RouteTestTrafficAsync(Color color, CancellationToken cancellation);
}

public sealed record HealthReading(bool Healthy, string Detail);
