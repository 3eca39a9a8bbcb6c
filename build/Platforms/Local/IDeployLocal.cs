using Engine;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Images;
using Pipeline.Scanning;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The DeployLocal component: the whole delivery rehearsed on this machine, on the local environment, starting what
/// it needs that is missing: LocalEnvironment, BuildImage, Scan, PushEcr (to the local registry), MigrateDb,
/// DeployBlueGreen, SmokeTest (and Rollback when one of the last two fails).
/// </summary>
public interface IDeployLocal : ILocalEnvironment, IHazLocalPlatform, IDeployBlueGreen, ISmokeTest, IRollback, IScan, IPushEcr, IMigrateDb
{
    Target DeployLocal => _ => _
        .Description("The whole delivery on the local environment: image, scan, push, migrate, blue/green deploy, smoke test")
        .ForProfile(LocalProfile)
        .DependsOn<ILocalEnvironment>(x => x.LocalEnvironment)
        .DependsOnTheWholeDelivery()
        .Previews(async cancellation => (await this.PlanBuiltDeliveryAsync(nameof(DeployLocal), refusal: null, makesEnvironment: nameof(LocalEnvironment), cancellation)).GoAhead);
}
