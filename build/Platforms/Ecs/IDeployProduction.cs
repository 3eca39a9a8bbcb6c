using System.Runtime.CompilerServices;
using Engine;

/// <summary>
/// The DeployProduction component: promotes to production the image staging verified (never a rebuild): MigrateDb (a
/// one-off ECS task after an RDS snapshot), DeployBlueGreen, SmokeTest (and Rollback when one of the last two fails).
/// </summary>
public interface IDeployProduction : IHazEcsPlatform, IDeployBlueGreen, ISmokeTest, IRollback, IMigrateDb, IHazAwsDatabase, IHazCommittedSource
{
    const string ProductionProfile = EnvironmentNames.Production;

    // Keyed by the build: staging is read once per run.
    private static readonly ConditionalWeakTable<IDeployProduction, ColorRelease> Promotions = [];

    Target DeployProduction => _ => _
        .Description("Promote the image staging verified to production (ECS): migrate, blue/green deploy, smoke test; never rebuilds")
        .ForProfile(ProductionProfile)
        .Requires(() => ConfirmCommittedSource(nameof(DeployProduction), ProductionProfile))
        .DependsOn<IMigrateDb>(x => x.MigrateDb)
        .DependsOn<IDeployBlueGreen>(x => x.DeployBlueGreen)
        .DependsOn<ISmokeTest>(x => x.SmokeTest);

    /// <summary>
    /// In production, MigrateDb and DeployBlueGreen get the release staging verified, or nothing: see
    /// <see cref="StagingPromotion"/>. Decided once per run, so both get the same one even if staging changes meanwhile.
    /// </summary>
    (ImageDigest Image, string? Version, string? Commit)? IHazReleaseImage.PromotedRelease()
    {
        if (HostedEnvironment.PromotedFrom is not { } source)
            return null;
        var release = Promotions.GetValue(this, build => build.PromoteFrom(source));
        return (release.Digest, release.Version, release.Commit);
    }

    private ColorRelease PromoteFrom(string source)
    {
        var staging = StagingPromotion.StagingStateAsync(new Elbv2(ConnectAws()), EcsNamesOf(source), CancellationToken.None).GetAwaiter().GetResult();
        var release = StagingPromotion.Verified(staging, ImageDigest);
        Log.Information($"promoting {DeployRequest.Describe(release.Version, release.Digest)}, live in staging since run {release.RunId ?? "(unknown)"}");
        return release;
    }
}
