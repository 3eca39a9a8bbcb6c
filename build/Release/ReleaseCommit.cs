using Pipeline.Versioning;

namespace Pipeline.Release;

/// <summary>The commit a release makes to record its CHANGELOG.md section: "chore(release): v1.2.0".</summary>
public static class ReleaseCommit
{
    private const string Prefix = "chore(release): ";

    public static string Subject(string tag) => Prefix + tag;

    public static bool IsOne(string subject) => subject.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The version a release commit records, or null for any other commit.</summary>
    public static SemanticVersion? VersionOf(string subject) =>
        IsOne(subject) ? VersionTag.TryParse(subject[Prefix.Length..].Trim(), commit: "")?.Version : null;
}
