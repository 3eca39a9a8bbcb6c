using Engine;
using Pipeline.Delivery.Planning;
using Pipeline.Delivery.Smoke;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// The Rollback component: back to the previous release, by a flip while its color stands by (seconds), else by a
/// deploy of its image. Asked for by name, or after this run's DeployBlueGreen or SmokeTest failed: a deploy that
/// failed before going live has already put traffic back, so then only the repair runs. CI's rollback job, a process of
/// its own, asks for it by name: there it only undoes a release its own run put live (<see cref="RollbackOnlyThisRun"/>).
/// </summary>
public interface IRollback : IHazDeployPlan
{
    [Parameter("Roll back only a release this run put live, else only repair", DefaultText = "on GitHub Actions, where a failed job's rollback runs in a job of its own")]
    bool RollbackOnlyThisRun => TryGetValue<bool>(() => RollbackOnlyThisRun) ?? Engine.BuildEnvironment.IsGitHubActions;

    Target Rollback => _ => _
        .Description("Return to the previous release: flip traffic back while its color stands by, else redeploy its image")
        .TryTriggeredBy<IDeployBlueGreen>(x => x.DeployBlueGreen)
        .TryTriggeredBy<ISmokeTest>(x => x.SmokeTest)
        .AssuredAfterFailure()
        .OnlyWhenDynamic(() => RollbackAskedOrDeliveryFailed)
        .Produces("artifacts/deployment.json")
        .Previews(async cancellation => (await ShowPlanAsync(new PlanRequest(nameof(Rollback), EnvironmentName), rollback: true, cancellation)).GoAhead)
        .Executes(async cancellation =>
        {
            using var smoke = new SmokeSuite(SmokeChecks);
            var platform = CreateDeploymentPlatform();
            var owner = DeployOwner.Current(DeployRunId);
            var onlyThisRun = !InvokedTargets.Contains(nameof(Rollback)) || RollbackOnlyThisRun;
            DeploymentRecord record;
            using (var log = NewDeploymentLog())
            {
                var deployment = new BlueGreenDeployment(platform, DeploymentSettings, smoke, SystemDeployClock.Instance, log);
                if (onlyThisRun && !ThisRunWentLive && (await platform.ReadStateAsync(cancellation)).Live?.RunId != DeployRunId)
                {
                    await deployment.RecoverAsync(EnvironmentName, owner, DeployLocking.ProcessIsAlive, cancellation);
                    ReportSummary("nothing to roll back: this run's deploy never went live, and traffic is on the live color");
                    return;
                }

                record = await deployment.RollbackAsync(EnvironmentName, owner, DeployLocking.ProcessIsAlive, cancellation);
            }

            await FinishAsync(record, cancellation);
        });

    bool RollbackAskedOrDeliveryFailed =>
        InvokedTargets.Contains(nameof(Rollback)) || FailedTargets.Any(t => t is nameof(IDeployBlueGreen.DeployBlueGreen) or nameof(ISmokeTest.SmokeTest));

    /// <summary>This process's DeployBlueGreen put a new release live (so a failed SmokeTest after it means: go back); the state's live run id tells another job of the run.</summary>
    bool ThisRunWentLive => DeploymentRecord.TryRead(ArtifactsDirectory) is { Action: "deploy", Outcome: DeploymentOutcome.Deployed } record
        && record.RunId == DeployRunId;
}
