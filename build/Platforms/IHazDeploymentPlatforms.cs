using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Hosting;
using Pipeline.Platforms.Ecs;
using Pipeline.Platforms.Ecs.Database;
using Pipeline.Platforms.Ecs.Recovery;
using Pipeline.Platforms.Local;
using Pipeline.Recovery;

namespace Pipeline.Platforms;

/// <summary>
/// A build that deploys both on this machine and to ECS: each environment, and its database, on the platform its
/// <see cref="IHazHosting.HostingMap"/> names (local on the local platform, staging and production on ECS and RDS).
/// The one place a build with several platforms picks one.
/// </summary>
public interface IHazDeploymentPlatforms : IHazLocalPlatform, IHazEcsPlatform, IHazAwsDatabase, IHazEcsRecoveryDrill
{
    IDeploymentPlatform IHazDeployment.CreateDeploymentPlatform() => HostedEnvironment.Platform switch
    {
        var platform when platform == HostingPlatform.Local => CreateLocalPlatform(),
        var platform when platform == HostingPlatform.Ecs => CreateEcsPlatform(),
        var platform => throw NotComposed(platform, nameof(CreateDeploymentPlatform)),
    };

    IDatabasePlatform IHazDatabase.CreateDatabasePlatform() => HostedEnvironment.Platform switch
    {
        var platform when platform == HostingPlatform.Local => CreateLocalDatabase(),
        var platform when platform == HostingPlatform.Ecs => CreateEcsDatabase(),
        var platform => throw NotComposed(platform, nameof(CreateDatabasePlatform)),
    };

    IRecoveryDrillPlatform IHazRecoveryDrillPlatform.CreateRecoveryDrillPlatform() => HostedEnvironment.Platform switch
    {
        var platform when platform == HostingPlatform.Local => CreateLocalRecoveryDrill(),
        var platform when platform == HostingPlatform.Ecs => CreateEcsRecoveryDrill(),
        var platform => throw NotComposed(platform, nameof(CreateRecoveryDrillPlatform)),
    };

    private InvalidOperationException NotComposed(HostingPlatform platform, string factory) =>
        new($"environment '{EnvironmentName}' is hosted on {platform}, which this build does not compose: add that platform's component and create it in {factory}");
}
