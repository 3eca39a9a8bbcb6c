using Engine;

/// <summary>
/// A build with a version: the image's version tag and label. The one seam to switch to the Release component's
/// version calculator once it lands: replace <see cref="CalculatedVersion"/>'s body, nothing else reads git for it.
/// </summary>
public interface IHazVersion : IBuild
{
    [Parameter("Version of what is built, e.g. 1.4.0 (default: git describe --tags, else 0.0.0-dev)")]
    string? Version => TryGetValue(() => Version);

    /// <summary>The given Version, else the calculated one.</summary>
    async Task<string> ResolveVersion(CancellationToken cancellation) =>
        Version is { Length: > 0 } given ? given : await CalculatedVersion(cancellation);

    Task<string> CalculatedVersion(CancellationToken cancellation) => VersionFromGit.Describe(RootDirectory, cancellation);
}
