using Engine;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Hosting;
using Pipeline.Images;
using Pipeline.Platforms;
using Pipeline.Platforms.Ecs;
using Pipeline.Platforms.Local;

internal sealed partial class Build
{
    /// <summary>
    /// The --environment's deploy plan as a target of its own, for CI: GitHub asks an environment's reviewers before a
    /// job that names it starts, so the plan must come from a job before that gate. This target is that job's (see
    /// DeploySettings.PlanJob): DeployStaging's plan on staging, DeployProduction's where a release is promoted, in the
    /// step summary the approver reads; a plan that would stop fails it, and the gated jobs never start. On the local
    /// environment it is DeployLocal's.
    /// </summary>
    private Target DeployPlan => _ => _
        .Description("The plan of --environment's deploy (DeployLocal's, DeployStaging's, or DeployProduction's where releases are promoted) as a target: CI's job before the approval gate")
        .Before<IBuildImage>(x => x.BuildImage)
        .Before<IMigrateDb>(x => x.MigrateDb)
        .Before<IDeployBlueGreen>(x => x.DeployBlueGreen)
        .Produces("artifacts/deploy-plan.json")
        .Executes(async cancellation =>
        {
            IDeployProduction build = this; // the components' members: a class reaches default members through its interfaces
            var environment = build.HostedEnvironment;
            var plan = environment.IsHostedOn(HostingPlatform.Local)
                ? await this.PlanBuiltDeliveryAsync(nameof(IDeployLocal.DeployLocal), refusal: null, nameof(ILocalEnvironment.LocalEnvironment), cancellation)
                : environment.PromotedFrom is null
                    ? await this.PlanBuiltDeliveryAsync(nameof(IDeployStaging.DeployStaging), build.UncommittedSource(nameof(IDeployStaging.DeployStaging), environment.Name), makesEnvironment: null, cancellation)
                    : await this.PlanGivenDeliveryAsync(nameof(IDeployProduction.DeployProduction), build.UncommittedSource(nameof(IDeployProduction.DeployProduction), environment.Name), cancellation);
            ReportSummary(plan.Summary);
            if (!plan.GoAhead)
                throw new DeploymentFailedException(plan.Summary);
        });
}
