using System.Globalization;
using System.Text;
using Pipeline.GitHub;
using Pipeline.Versioning;

namespace Pipeline.Release;

/// <summary>
/// A release's section of CHANGELOG.md, which is also its GitHub release notes: the commits since the last release
/// grouped as breaking changes, features, fixes and performance, each linked to its commit; the rest counted.
/// </summary>
public sealed record ReleaseNotes(string Heading, string Body)
{
    private static readonly (ChangeKind Kind, string Title)[] Groups =
    [
        (ChangeKind.Breaking, "Breaking changes"),
        (ChangeKind.Feature, "Features"),
        (ChangeKind.Fix, "Bug fixes"),
        (ChangeKind.Performance, "Performance"),
    ];

    /// <summary>The heading and body as CHANGELOG.md holds them.</summary>
    public string Section => $"{Heading}\n\n{Body}\n";

    public static ReleaseNotes Render(SemanticVersion version, VersionPlan history, GitHubLinks? links, DateOnly date)
    {
        var tag = VersionTag.NameOf(version);
        var title = links is not null && history.Previous is { } previous ? $"[{version}]({links.Compare(previous.Name, tag)})" : version.ToString();
        var heading = $"## {title} ({date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";

        // The release commits this pipeline makes are bookkeeping, not changes.
        var commits = history.Commits.Where(c => !ReleaseCommit.IsOne(c.Subject)).ToList();
        var body = new StringBuilder();
        foreach (var (kind, groupTitle) in Groups)
        {
            var entries = commits.Where(c => c.Kind == kind).ToList();
            if (entries.Count == 0)
                continue;
            body.Append(CultureInfo.InvariantCulture, $"### {groupTitle}\n\n");
            foreach (var commit in entries)
                body.Append(CultureInfo.InvariantCulture, $"- {Entry(commit, links)}\n");
            body.Append('\n');
        }

        var others = commits.Count(c => c.Kind == ChangeKind.None);
        if (others > 0)
            body.Append(CultureInfo.InvariantCulture, $"_{others} other commit(s): documentation, chores, refactoring, tests, or messages not in Conventional Commits form._\n");
        if (body.Length == 0)
            body.Append("_No changes since the last release._\n");
        return new ReleaseNotes(heading, body.ToString().TrimEnd());
    }

    private static string Entry(ConventionalCommit commit, GitHubLinks? links)
    {
        var text = commit.Kind == ChangeKind.Breaking ? commit.BreakingChange! : commit.Description;
        var scope = commit.Scope is null ? "" : $"**{commit.Scope}:** ";
        var shortSha = commit.Sha[..Math.Min(7, commit.Sha.Length)];
        return $"{scope}{text} ({(links is null ? shortSha : $"[{shortSha}]({links.Commit(commit.Sha)})")})";
    }
}
