namespace Pipeline.Images;

/// <summary>
/// The mark of an image built from uncommitted changes, on its version, its commit and their tags:
/// -dirty.&lt;the content tag's hash&gt;. "-dirty" alone named every uncommitted tree at one commit alike, so the second
/// edit's push found its tags already taken by the first; the content hash tells the trees apart, and names the same tree
/// the same again (a cache hit). A commit's own tags and stamp carry no mark: they are reproducible from the commit.
/// </summary>
internal static class DirtyMark
{
    public static string Of(string contentTag) =>
        "-dirty." + (contentTag.StartsWith(ContentTag.Prefix, StringComparison.Ordinal) ? contentTag[ContentTag.Prefix.Length..] : contentTag);
}
