using Engine;
using Pipeline.Delivery;
using Pipeline.Hosting;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// ECS as a build's deployment platform: the listeners' ports, the addresses to use instead of the load balancer's
/// name, how many old revisions stay registered. The resources' names come from <see cref="IHazEcs"/>.
/// </summary>
public interface IHazEcsPlatform : IHazDeployment, IHazEcs
{
    [Parameter("Port of the load balancer's production listener")]
    int EcsProductionPort => TryGetValue<int>(() => EcsProductionPort) ?? 80;

    [Parameter("Port of the load balancer's test listener, which reaches the idle color")]
    int EcsTestPort => TryGetValue<int>(() => EcsTestPort) ?? 8080;

    [Parameter("URL users reach the environment at", DefaultText = "the load balancer's DNS name on the production port")]
    Uri? EcsPublicUrl => TryGetValue(() => EcsPublicUrl);

    [Parameter("URL of the test listener", DefaultText = "the load balancer's DNS name on the test port")]
    Uri? EcsTestUrl => TryGetValue(() => EcsTestUrl);

    [Parameter("Task definition revisions kept per color after a deploy; older ones are deregistered")]
    int EcsKeepRevisions => TryGetValue<int>(() => EcsKeepRevisions) ?? 10;

    IDeploymentPlatform IHazDeployment.CreateDeploymentPlatform() => CreateEcsPlatform();

    EcsPlatform CreateEcsPlatform()
    {
        RequireEcsHosting();
        var connection = ConnectAws();
        return new EcsPlatform(EcsPlatformSettingsIn(connection.Region), connection);
    }

    /// <summary>Refuses, before anything is contacted, an environment the hosting map does not put on ECS.</summary>
    void RequireEcsHosting() => RequireHostedOn(HostingPlatform.Ecs, "the ECS platform");

    /// <summary>The platform's settings from the parameters; the local environment is refused, it is not in ECS.</summary>
    EcsPlatformSettings EcsPlatformSettingsIn(string region)
    {
        RequireEcsHosting();
        return new EcsPlatformSettings
        {
            Names = EcsNames,
            Region = region,
            ProductionPort = EcsProductionPort,
            TestPort = EcsTestPort,
            PublicAddress = EcsPublicUrl,
            TestAddress = EcsTestUrl,
            KeepRevisions = EcsKeepRevisions,
        };
    }
}
