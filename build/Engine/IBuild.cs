using System.Runtime.CompilerServices;

namespace Engine;

/// <summary>
/// What every build offers its components (NUKE's <c>INukeBuild</c>): a component is an interface that extends this
/// one and declares targets and parameters as default members, which a build class composes by implementing it.
/// </summary>
public interface IBuild
{
    AbsolutePath RootDirectory { get; }
    AbsolutePath ArtifactsDirectory { get; }
    AbsolutePath TemporaryDirectory { get; }

    /// <summary>The --profile / --environment given, or null.</summary>
    string? Profile { get; }

    Verbosity Verbosity { get; }

    /// <summary>The bound value of a parameter declared as a component property, or null when no source gave one:
    /// <c>[Parameter] string Filter =&gt; TryGetValue(() =&gt; Filter) ?? "default";</c> The lambda is never called: it
    /// names the property, as NUKE's expression does, through the text the compiler passes (no expression tree to
    /// build on every read, which cost every start the System.Linq.Expressions assembly).</summary>
    T? TryGetValue<T>(Func<T> parameter, [CallerArgumentExpression(nameof(parameter))] string expression = "")
        where T : class?;

    /// <inheritdoc cref="TryGetValue{T}(Func{T}, string)"/>
    T? TryGetValue<T>(Func<T?> parameter, [CallerArgumentExpression(nameof(parameter))] string expression = "")
        where T : struct;

    /// <summary>The key result line of the running target, shown in the summary table.</summary>
    void ReportSummary(string line) => Running.TargetRunner.ReportSummary(line);

    /// <summary>Markdown for the GitHub Actions job's step summary (redacted; nothing happens elsewhere): what the run's page shows.</summary>
    void AppendStepSummary(string markdown) => BuildOutput.Current.GitHub?.AppendStepSummary(markdown);

    /// <summary>The targets named on the command line (or the default target), as declared.</summary>
    IReadOnlyList<string> InvokedTargets => Running.BuildRun.Current?.InvokedTargets ?? [];

    /// <summary>The targets that failed (or were cancelled) so far in this run.</summary>
    IReadOnlyList<string> FailedTargets => Running.BuildRun.Current?.FailedTargets ?? [];

    bool IsFailing => FailedTargets.Count > 0;

    bool IsServerBuild => BuildEnvironment.IsServerBuild;
    bool IsLocalBuild => !BuildEnvironment.IsServerBuild;
    bool IsGitHubActions => BuildEnvironment.IsGitHubActions;
}
