using Engine;
using Pipeline.Database;
using Pipeline.Images;
using Pipeline.Linting;
using Pipeline.Platforms;
using Pipeline.Platforms.Ecs;
using Pipeline.Platforms.Local;
using Pipeline.Recovery;
using Pipeline.Release;
using Pipeline.Scanning;
using Pipeline.Testing;

/// <summary>
/// The pipeline: the components it is composed of (Linting/ILint, Testing/ITest …, each an interface with its targets
/// and parameters) and what is this repository's alone, in Build.&lt;Concern&gt;.cs files. State between targets
/// travels as files under artifacts/.
/// </summary>
internal sealed partial class Build : BuildBase, ILint, ITest, IRelease, IMigrateDb, IRestoreDb, IBuildImage, IScan, IPushEcr, IDeployLocal, IDeployStaging, IDeployProduction, IHazDeploymentPlatforms, IProvision, IRecoveryDrill
{
    public static int Main() => Execute<Build>(x => x.From<ITest>().Test);
}
