using Pipeline.Tools;

namespace Pipeline.Versioning;

/// <summary>
/// The next version from Conventional Commits since the last release tag, as `./build.sh Release` cuts it and as
/// anything that stamps a version (the service's APP_VERSION, assembly and image tags) should compute it. Three git
/// queries whatever the size of the history: HEAD, the release tags reachable from it, and the log since the last
/// (a pre-release asks for every tag as well, to count on from rc.N).
/// </summary>
internal sealed class VersionCalculation(Git git)
{
    /// <param name="requested">The Version parameter: released as given instead of the calculated one.</param>
    /// <param name="prereleaseLabel">The Prerelease parameter: "rc" gives 1.3.0-rc.1, then 1.3.0-rc.2 …</param>
    public async Task<VersionPlan> CalculateAsync(SemanticVersion? requested, string? prereleaseLabel, CancellationToken cancellation)
    {
        var head = await git.HeadAsync(cancellation);
        var reachable = Parse(await git.TagsAsync(VersionTag.Pattern, reachableFromHead: true, cancellation));

        var previous = reachable.Where(t => !t.Version.IsPrerelease && t.Commit != head).MaxBy(t => t.Version);
        var log = await git.LogAsync(previous is null ? "HEAD" : $"{previous.Name}..HEAD", cancellation);
        var commits = log.Select(c => ConventionalCommit.Parse(c.Sha, c.Subject, c.Body)).ToList();

        var headTag = reachable.Where(t => t.Commit == head && IsRequested(t.Version, requested, prereleaseLabel)).MaxBy(t => t.Version);
        var next = headTag?.Version ?? requested ?? await NextVersionAsync(previous, commits, prereleaseLabel, cancellation);
        return new VersionPlan(head, previous, headTag, commits, next);
    }

    private async Task<SemanticVersion?> NextVersionAsync(VersionTag? previous, List<ConventionalCommit> commits, string? prereleaseLabel, CancellationToken cancellation)
    {
        var strongest = commits.Count == 0 ? ChangeKind.None : commits.Max(c => c.Kind);
        var stable = previous is null ? VersionBump.Initial : VersionBump.Next(previous.Version, strongest);
        if (stable is null || string.IsNullOrWhiteSpace(prereleaseLabel))
            return stable;

        // rc.N counts on from the highest rc of this version, wherever it was tagged.
        var numbers = Parse(await git.TagsAsync(VersionTag.Pattern, reachableFromHead: false, cancellation))
            .Where(t => t.Version.Stable == stable && t.Version.Prerelease!.StartsWith(prereleaseLabel + ".", StringComparison.Ordinal))
            .Select(t => int.TryParse(t.Version.Prerelease![(prereleaseLabel.Length + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0);
        return stable with { Prerelease = $"{prereleaseLabel}.{numbers.DefaultIfEmpty(0).Max() + 1}" };
    }

    /// <summary>Whether a release already begun (its tag on HEAD) is the one asked for: the requested version, or one of the same kind (stable, or the same pre-release label).</summary>
    public static bool IsRequested(SemanticVersion tagged, SemanticVersion? requested, string? prereleaseLabel) =>
        requested is not null ? tagged == requested
        : string.IsNullOrWhiteSpace(prereleaseLabel) ? !tagged.IsPrerelease
        : tagged.Prerelease?.StartsWith(prereleaseLabel + ".", StringComparison.Ordinal) == true;

    private static List<VersionTag> Parse(IReadOnlyList<(string Name, string Commit)> tags) =>
        tags.Select(t => VersionTag.TryParse(t.Name, t.Commit)).OfType<VersionTag>().ToList();
}
