using Engine;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Images;
using Pipeline.Scanning;

namespace Pipeline.Platforms;

/// <summary>
/// The order a delivery goes in, written once for the composites (DeployLocal, DeployStaging, DeployProduction):
/// a new release is built, scanned and pushed, then deployed; a promoted one is only deployed.
/// </summary>
public static class DeliverySteps
{
    /// <summary>BuildImage, Scan, PushEcr, then <see cref="DependsOnTheDeploy"/>.</summary>
    public static ITargetDefinition DependsOnTheWholeDelivery(this ITargetDefinition target) => target
        .DependsOn<IBuildImage>(x => x.BuildImage)
        .DependsOn<IScan>(x => x.Scan)
        .DependsOn<IPushEcr>(x => x.PushEcr)
        .DependsOnTheDeploy();

    /// <summary>MigrateDb, DeployBlueGreen, SmokeTest (Rollback follows a failure of the last two by itself).</summary>
    public static ITargetDefinition DependsOnTheDeploy(this ITargetDefinition target) => target
        .DependsOn<IMigrateDb>(x => x.MigrateDb)
        .DependsOn<IDeployBlueGreen>(x => x.DeployBlueGreen)
        .DependsOn<ISmokeTest>(x => x.SmokeTest);
}
