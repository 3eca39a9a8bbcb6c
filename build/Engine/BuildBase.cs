using Engine.Running;

namespace Engine;

/// <summary>
/// The base of a build class, NUKE's <c>NukeBuild</c>: targets are properties of the subclass, parameters are
/// [Parameter] members, and <c>Main</c> calls <see cref="Execute{T}"/> with the default target.
/// </summary>
public abstract class BuildBase
{
    public AbsolutePath RootDirectory { get; internal set; } = new(Directory.GetCurrentDirectory());
    public AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>The --profile / --environment given, or null.</summary>
    public string? Profile { get; internal set; }

    public Verbosity Verbosity { get; internal set; } = Verbosity.Normal;

    public static bool IsServerBuild => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false";
    public static bool IsLocalBuild => !IsServerBuild;
    public static bool IsGitHubActions => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    /// <summary>Runs the build with the process's command line; the exit code for Main.</summary>
    protected static int Execute<T>(Func<T, Target>? defaultTarget = null)
        where T : BuildBase, new() =>
        BuildHost.RunProcess(new T(), Environment.GetCommandLineArgs().Skip(1).ToArray(), b => defaultTarget?.Invoke((T)b));

    /// <summary>The key result line of the running target, shown in the summary table.</summary>
    protected static void ReportSummary(string line)
    {
        if (TargetRunner.Current is { } result)
            result.Summary = line;
    }
}
