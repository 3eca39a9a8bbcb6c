using Engine;
using Pipeline.Aws;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Delivery.Roles;
using Pipeline.Hosting;
using Pipeline.Platforms.Ecs.Database;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// The DeployProduction component: promotes to production the image staging verified (never a rebuild): MigrateDb (a
/// one-off ECS task after an RDS snapshot), DeployBlueGreen, SmokeTest (and Rollback when one of the last two fails).
/// </summary>
public interface IDeployProduction : IHazEcsPlatform, IHazPromotion, IDeployBlueGreen, ISmokeTest, IRollback, IMigrateDb, IHazAwsDatabase, IHazCommittedSource
{
    const string ProductionProfile = EnvironmentNames.Production;

    Target DeployProduction => _ => _
        .Description("Promote the image staging verified to production (ECS): migrate, blue/green deploy, smoke test; never rebuilds")
        .ForProfile(ProductionProfile)
        .Requires(() => ConfirmCommittedSource(nameof(DeployProduction), ProductionProfile))
        .DependsOnTheDeploy()
        .Previews(async cancellation => (await this.PlanGivenDeliveryAsync(nameof(DeployProduction), UncommittedSource(nameof(DeployProduction), ProductionProfile), cancellation)).GoAhead);

    IPromotionSource IHazPromotion.CreatePromotionSource(HostedEnvironment source)
    {
        HostingMap.Require(source.Name, HostingPlatform.Ecs, "the ECS production deploy's promotion (the source's listener tags)");
        return new EcsPromotionSource(new Elbv2(ConnectAws()), EcsNamesOf);
    }
}
