using Engine;
using Pipeline.Database;
using Pipeline.Delivery.Chart;
using Pipeline.Delivery.Planning;
using Pipeline.Delivery.Smoke;
using Pipeline.Images;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// The DeployBlueGreen component: the image (by digest) deployed to --environment with <see cref="BlueGreenDeployment"/>,
/// its record in artifacts/deployment.json, its chart in artifacts/deployment.md and .svg (and the run's step summary on
/// GitHub Actions). Exits 1 unless the image ends up live; a failure triggers Rollback.
/// </summary>
public interface IDeployBlueGreen : IHazDeployPlan, IHazReleaseImage
{
    Target DeployBlueGreen => _ => _
        .Description("Deploy the image blue/green to --environment: stage on the idle color, verify, shift traffic in steps, abort on errors")
        .TryAfter<IPushEcr>(x => x.PushEcr)
        .TryAfter<IMigrateDb>(x => x.MigrateDb)
        .Produces("artifacts/deployment.json", $"artifacts/{DeploymentReport.MarkdownName}", $"artifacts/{DeploymentReport.PictureName}")
        .Previews(async cancellation => (await ShowPlanAsync(GivenRelease(new PlanRequest(nameof(DeployBlueGreen), EnvironmentName)), rollback: false, cancellation)).GoAhead)
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

            try
            {
                await FinishAsync(record, cancellation);
            }
            finally
            {
                new DeploymentReport(ArtifactsDirectory, AppendStepSummary).Write(record);
            }
        });

    /// <summary>The plan's release: the one ReleaseToDeploy gives (promoted, given or pushed), or why there is none, as a reason to stop.</summary>
    PlanRequest GivenRelease(PlanRequest request)
    {
        try
        {
            var (image, version, commit) = ReleaseToDeploy();
            return request with { Release = new PlannedRelease(null, image.ToString(), version, commit) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever tells the release (the image record, the promotion source's platform) failing is why the deploy would stop.
            return request with { Stops = [.. request.Stops, e.Message] };
        }
    }
}
