using Engine;

namespace BuildTests.Workflows.Graphs;

/// <summary>
/// A delivery pipeline shaped like the one later issues bring (image, ECR, migrations, blue/green, smoke test,
/// rollback, release), with empty actions: the generator only reads the graph. Its workflows are in
/// DeliveryBuild.Workflows.cs.
/// </summary>
internal sealed partial class DeliveryBuild : BuildBase
{
    private static readonly TargetOutput ImageDigestOutput = new("image-digest");
    private static readonly TargetOutput VersionOutput = new("version");

    [Parameter("Digest of the image to deploy (sha256:…)")]
    private readonly string? ImageDigest = null;

    [Parameter("Password of the migration user")]
    [Secret]
    private readonly string? DatabasePassword = null;

    [Parameter("Token for the GitHub release API")]
    [Secret]
    private readonly string? GitHubToken = null;

    [Parameter("Version being released")]
    private readonly string? ReleaseVersion = null;

    [Parameter("How traffic moves to the new version")]
    private readonly DeployStrategy Strategy = DeployStrategy.BlueGreen;

    [Parameter("Run the smoke test after the deploy")]
    private readonly bool RunSmokeTest = true;

    [Parameter("Alarm topic to notify")]
    private readonly string? AlarmTopic = null;

    private Target Lint => _ => _.Executes(() => { });

    private Target Compile => _ => _.Executes(() => { });

    private Target Test => _ => _.DependsOn(Compile).Produces("artifacts/test-results/**").Executes(() => { });

    private Target BuildImage => _ => _.Produces("artifacts/image/image.tar").Executes(() => { });

    private Target Scan => _ => _.DependsOn(BuildImage).Consumes(BuildImage).Produces("artifacts/scan/**").Executes(() => { });

    private Target PushEcr => _ => _.DependsOn(BuildImage).Produces("artifacts/image/digest.json").Outputs(ImageDigestOutput).Executes(() => { });

    private Target MigrateDb => _ => _.DependsOn(PushEcr).Requires(() => DatabasePassword).Executes(() => { });

    private Target DeployBlueGreen => _ => _
        .DependsOn(MigrateDb)
        .Consumes(PushEcr)
        .Requires(() => ImageDigest, ImageDigestOutput)
        .Produces("artifacts/deploy/state.json")
        .Executes(() => Log.Information($"{Strategy} deploy, alarms to {AlarmTopic}"));

    private Target SmokeTest => _ => _.DependsOn(DeployBlueGreen).OnlyWhenDynamic(() => RunSmokeTest).Executes(() => { });

    /// <summary>Collective: what "deploy" means.</summary>
    private Target Deploy => _ => _.DependsOn(SmokeTest);

    private Target Rollback => _ => _.After(DeployBlueGreen, SmokeTest).AssuredAfterFailure().Consumes(DeployBlueGreen).Executes(() => { });

    private Target Version => _ => _.Outputs(VersionOutput).Executes(() => { });

    private Target Pack => _ => _.DependsOn(Test).Produces("artifacts/packages/*.nupkg").Executes(() => { });

    private Target PublishRelease => _ => _
        .DependsOn(Version, Pack)
        .Consumes(Pack)
        .Requires(() => GitHubToken)
        .Requires(() => ReleaseVersion, VersionOutput)
        .Executes(() => { });
}

internal enum DeployStrategy
{
    BlueGreen,
    Canary,
    AllAtOnce,
}
