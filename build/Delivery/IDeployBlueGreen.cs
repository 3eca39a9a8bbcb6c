using Engine;
using Pipeline.Database;
using Pipeline.Delivery.Smoke;
using Pipeline.Images;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// The DeployBlueGreen component: the image (by digest) deployed to --environment with <see cref="BlueGreenDeployment"/>,
/// its record in artifacts/deployment.json. Exits 1 unless the image ends up live; a failure triggers Rollback.
/// </summary>
public interface IDeployBlueGreen : IHazDeployment, IHazReleaseImage
{
    Target DeployBlueGreen => _ => _
        .Description("Deploy the image blue/green to --environment: stage on the idle color, verify, shift traffic in steps, abort on errors")
        .TryAfter<IPushEcr>(x => x.PushEcr)
        .TryAfter<IMigrateDb>(x => x.MigrateDb)
        .Produces("artifacts/deployment.json")
        .Executes(async cancellation =>
        {
            var (image, version, commit) = ReleaseToDeploy();
            var platform = CreateDeploymentPlatform();
            using var smoke = new SmokeSuite(SmokeChecks);
            DeploymentRecord record;
            using (var log = NewDeploymentLog())
            {
                var deployment = new BlueGreenDeployment(platform, DeploymentSettings, smoke, SystemDeployClock.Instance, log);
                var request = new DeployRequest(EnvironmentName, image, version, commit, DeployOwner.Current(DeployRunId));
                record = await deployment.RunAsync(request, DeployLocking.ProcessIsAlive, cancellation);
            }

            await FinishAsync(record, cancellation);
        });
}
