namespace Engine.Workflows;

/// <summary>
/// The folder actions/upload-artifact stores paths relative to, worked out as it does, so a download to that folder
/// puts every file back where the producer wrote it: the literal part before the first wildcard of each glob, then the
/// common ancestor of those. A single glob without wildcards is a file (its folder is the root) when its last
/// segment has an extension, else a folder.
/// </summary>
internal static class ArtifactRoot
{
    private static readonly char[] Wildcards = ['*', '?', '['];

    public static string Of(IReadOnlyList<string> globs)
    {
        var included = globs.Where(g => !g.StartsWith('!')).Select(g => g.StartsWith("./", StringComparison.Ordinal) ? g[2..] : g).ToList();
        var searchPaths = included.Select(LiteralPrefix).Distinct().ToList();
        if (searchPaths.Count == 1 && included.Count == 1 && included[0].IndexOfAny(Wildcards) < 0 && Path.HasExtension(included[0]))
            return Parent(searchPaths[0]);
        return searchPaths.Aggregate(CommonAncestor) is { Length: > 0 } root ? root : ".";
    }

    private static string LiteralPrefix(string glob) =>
        string.Join('/', glob.Split('/').TakeWhile(segment => segment.IndexOfAny(Wildcards) < 0));

    private static string Parent(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : ".";

    private static string CommonAncestor(string left, string right) =>
        string.Join('/', left.Split('/').Zip(right.Split('/')).TakeWhile(pair => pair.First == pair.Second).Select(pair => pair.First));
}
