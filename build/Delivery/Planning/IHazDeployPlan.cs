using Engine;
using Pipeline.IO;
using Pipeline.Waiting;

namespace Pipeline.Delivery.Planning;

/// <summary>
/// A build whose deploys and rollbacks can be planned (--plan): the plan worked out on the environment's platform,
/// printed, written to artifacts/deploy-plan.json and, on GitHub Actions, to the step summary, so the approver of the
/// environment's job reads it on the run's page before approving.
/// </summary>
public interface IHazDeployPlan : IHazDeployment
{
    /// <summary>Prints and records the plan (its <see cref="DeployPlan.GoAhead"/>: whether the deploy or rollback could go ahead).</summary>
    async Task<DeployPlan> ShowPlanAsync(PlanRequest request, bool rollback, CancellationToken cancellation)
    {
        var planner = new DeployPlanner(CreateDeploymentPlatform(), DeploymentSettings, SystemDeployClock.Instance, DeployOwner.Current(DeployRunId), DeployLocking.ProcessIsAlive);
        if (DeploymentRecord.TryRead(ArtifactsDirectory) is { } last && last.Environment == EnvironmentName)
            request = request with { Overhead = TimeSpan.FromSeconds(Math.Max(0, last.Seconds - last.ConfiguredWaitSeconds)) };
        var plan = rollback ? await planner.RollbackAsync(request, cancellation) : await planner.DeployAsync(request, cancellation);
        AtomicFile.EnsureWritableDirectory(ArtifactsDirectory, RootDirectory);
        plan.Write(ArtifactsDirectory);
        AppendStepSummary(DeployPlanText.Markdown(plan));
        foreach (var line in DeployPlanText.Lines(plan))
            Log.Information(line);
        return plan;
    }
}
