using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Delivery.Planning;
using Pipeline.Images;
using Pipeline.Tools;

namespace Pipeline.Platforms;

/// <summary>
/// The composites' plans (DeployLocal, DeployStaging, DeployProduction --plan). The engine runs only the invoked
/// target's preview under --plan, never an action, so BuildImage, PushEcr, MigrateDb and DeployBlueGreen change nothing:
/// the composite's preview stands for the whole chain, with MigrateDb's own dry run and DeployBlueGreen's decisions.
/// </summary>
public static class DeliveryPlans
{
    /// <summary>A delivery that builds its image from this checkout: the release is the version and commit BuildImage would stamp.</summary>
    public static async Task<DeployPlan> PlanBuiltDeliveryAsync<TBuild>(this TBuild build, string target, string? refusal, string? makesEnvironment, CancellationToken cancellation)
        where TBuild : IDeployBlueGreen, IMigrateDb, IBuildImage
    {
        var version = await build.ResolveVersion(cancellation);
        var git = await Git.FindAsync(build.RootDirectory, cancellation);
        var commit = git is null ? null : await git.HeadAsync(cancellation);
        var dirty = git is not null && (await git.ChangedPathsAsync(includeUntracked: true, cancellation)).Count > 0;
        var request = new PlanRequest(target, build.EnvironmentName)
        {
            Release = new PlannedRelease(null, $"{build.ImageRepository}:{version}, built by BuildImage (its digest known after PushEcr)", version, commit),
            Migrations = build.PreviewMigrationAsync,
            Stops = refusal is null ? [] : [refusal],
            Notes = dirty && refusal is null ? ["the working tree has uncommitted changes: the image's version and commit get a -dirty mark"] : [],
            MakesEnvironment = makesEnvironment,
        };
        return await build.ShowPlanAsync(request, rollback: false, cancellation);
    }

    /// <summary>A delivery of a release built before (DeployProduction's promotion): the release ReleaseToDeploy gives, or why none.</summary>
    public static Task<DeployPlan> PlanGivenDeliveryAsync<TBuild>(this TBuild build, string target, string? refusal, CancellationToken cancellation)
        where TBuild : IDeployBlueGreen, IMigrateDb
    {
        var request = build.GivenRelease(new PlanRequest(target, build.EnvironmentName) { Stops = refusal is null ? [] : [refusal] });
        return build.ShowPlanAsync(request with { Migrations = build.PreviewMigrationAsync }, rollback: false, cancellation);
    }
}
