using Engine;

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
}
