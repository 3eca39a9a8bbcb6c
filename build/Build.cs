using Engine;

/// <summary>
/// The pipeline. Targets live in Build.&lt;Concern&gt;.cs files, one concern each, and call into the capability
/// folders (Linting/, Testing/ …); state between targets travels as files under artifacts/.
/// </summary>
internal sealed partial class Build : BuildBase
{
    [Parameter("Configuration to build and test: Debug or Release (default: Debug locally, Release on CI)")]
    private readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    public static int Main() => Execute<Build>(x => x.Test);

    private AbsolutePath Solution => RootDirectory / "App.sln";
}
