using Engine;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Hosting;
using Pipeline.Platforms.Ecs.Database;
using Pipeline.Scanning;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// The DeployStaging component: the whole delivery to the staging environment in ECS: BuildImage, Scan, PushEcr (to
/// ECR), MigrateDb (a one-off ECS task after an RDS snapshot), DeployBlueGreen, SmokeTest (and Rollback when one of the
/// last two fails). The digest staging ends up running is what DeployProduction promotes.
/// </summary>
public interface IDeployStaging : IHazEcsPlatform, IDeployBlueGreen, ISmokeTest, IRollback, IScan, IHazEcr, IMigrateDb, IHazAwsDatabase, IHazCommittedSource
{
    const string StagingProfile = EnvironmentNames.Staging;

    Target DeployStaging => _ => _
        .Description("The whole delivery to staging (ECS): image, scan, push to ECR, migrate, blue/green deploy, smoke test")
        .ForProfile(StagingProfile)
        .Requires(() => ConfirmCommittedSource(nameof(DeployStaging), StagingProfile))
        .DependsOnTheWholeDelivery()
        .Previews(async cancellation => (await this.PlanBuiltDeliveryAsync(nameof(DeployStaging), UncommittedSource(nameof(DeployStaging), StagingProfile), makesEnvironment: null, cancellation)).GoAhead);
}
