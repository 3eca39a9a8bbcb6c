namespace Pipeline.Platforms.Ecs;

/// <summary>
/// Where an environment's blue/green runs in ECS: its resource names, the listeners' ports, and the addresses to use
/// instead of the load balancer's DNS name (a VPN name, or a rehearsal against moto, whose load balancers serve nothing).
/// </summary>
public sealed record EcsPlatformSettings
{
    public required EcsNames Names { get; init; }

    public required string Region { get; init; }

    public int ProductionPort { get; init; } = 80;

    public int TestPort { get; init; } = 8080;

    public Uri? PublicAddress { get; init; }

    public Uri? TestAddress { get; init; }

    /// <summary>Task definition revisions kept per color after a deploy; older ones are deregistered (their tags stay).</summary>
    public int KeepRevisions { get; init; } = 10;
}
