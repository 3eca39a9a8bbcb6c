using System.Text.RegularExpressions;

namespace Pipeline.Images;

/// <summary>
/// The tags an image gets: the version, the git commit, and the content tag; built from uncommitted changes, the version
/// and the commit carry <see cref="DirtyMark"/>, as the stamp does. Docker allows [A-Za-z0-9_.-] in a tag, 128 at most.
/// </summary>
internal static partial class ImageTags
{
    public const int CommitLength = 12;
    private const int MaxLength = 128;

    public static IReadOnlyList<string> For(string version, string? commit, bool uncommittedChanges, string contentTag)
    {
        var mark = uncommittedChanges && commit is not null ? DirtyMark.Of(contentTag) : "";
        var versionTag = Sanitize(version);
        var tags = new List<string> { versionTag[..Math.Min(versionTag.Length, MaxLength - mark.Length)] + mark };
        if (commit is { Length: >= CommitLength })
            tags.Add(commit[..CommitLength] + mark);
        tags.Add(contentTag);
        return tags.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>1.2.0+build.5 → 1.2.0-build.5: characters a tag cannot hold become '-', at most 128 characters.</summary>
    public static string Sanitize(string version)
    {
        var tag = NotAllowed().Replace(version.Trim(), "-").TrimStart('.', '-');
        return tag.Length == 0 ? "0.0.0-dev" : tag[..Math.Min(tag.Length, MaxLength)];
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex NotAllowed();
}
