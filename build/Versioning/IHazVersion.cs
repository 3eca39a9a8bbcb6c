using Engine;
using Pipeline.Tools;

namespace Pipeline.Versioning;

/// <summary>
/// A build that has a version: the next one from Conventional Commits (<see cref="VersionCalculation"/>), or the one
/// given. Release cuts it; whatever stamps a version (the service, the image tag) asks the same component.
/// </summary>
public interface IHazVersion : IBuild
{
    [Parameter("Release this version instead of the one Conventional Commits give, e.g. 1.0.0 to leave 0.x")]
    string? Version => TryGetValue(() => Version);

    [Parameter("Make a pre-release with this label: rc gives 1.3.0-rc.1, the next run 1.3.0-rc.2")]
    string? Prerelease => TryGetValue(() => Prerelease);

    /// <summary>The Version parameter as a version; a bad one stops the build before anything runs.</summary>
    SemanticVersion? RequestedVersion => Version is not { Length: > 0 } text ? null
        : SemanticVersion.TryParse(text.Trim().TrimStart('v')) ?? throw new UsageException(
            $"Invalid value '{text}' for parameter Version (--version): expected a semantic version such as 1.2.3 or 1.2.3-rc.1.");

    /// <summary>The Prerelease parameter, checked: semver allows letters, digits and '-' in an identifier.</summary>
    string? PrereleaseLabel => Prerelease is not { Length: > 0 } label ? null
        : SemanticVersion.TryParse($"0.0.0-{label}.1") is not null && !label.All(char.IsAsciiDigit) ? label
        : throw new UsageException($"Invalid value '{label}' for parameter Prerelease (--prerelease): expected a label of letters, digits and '-', such as rc or beta.");

    Task<VersionPlan> CalculateVersionAsync(CancellationToken cancellation) =>
        new VersionCalculation(new Git(RootDirectory)).CalculateAsync(RequestedVersion, PrereleaseLabel, cancellation);

    /// <summary>
    /// What a build between releases is: the next version as a development pre-release, 0.2.0-dev.3 for the third
    /// commit towards 0.2.0, so an unreleased image never claims a release's number (and its tag may move: see ImagePusher).
    /// A requested pre-release keeps its own label.
    /// </summary>
    static string DevelopmentVersion(SemanticVersion next, int commits) =>
        next.ToString().Contains('-', StringComparison.Ordinal) ? next.ToString() : $"{next}-{DevelopmentLabel}.{commits}";

    const string DevelopmentLabel = "dev";

    /// <summary>
    /// The version to stamp (the service, the image's tag): the one given, a release being finished on HEAD's tag, else
    /// the next one the calculation gives as a development pre-release,
    /// else, where git has no history to read or nothing to release, git describe's (0.0.0-dev without a tag).
    /// </summary>
    async Task<string> ResolveVersion(CancellationToken cancellation)
    {
        if (RequestedVersion is { } requested)
            return requested.ToString();
        try
        {
            var plan = await CalculateVersionAsync(cancellation);
            if (plan.Next is { } next)
                return plan.IsResuming ? next.ToString() : DevelopmentVersion(next, plan.Commits.Count);
        }
        catch (ToolException)
        {
            // not a git checkout, or git missing: the fallback below says so with its version
        }

        return await VersionFromGit.Describe(RootDirectory, cancellation);
    }
}
