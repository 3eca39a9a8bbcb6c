using Engine;
using Pipeline.Tools;

namespace Pipeline.Versioning;

/// <summary>The stand-in version until the Release component's calculator is used: git describe --tags, else 0.0.0-dev.</summary>
internal static class VersionFromGit
{
    public const string Fallback = "0.0.0-dev";

    public static async Task<string> Describe(AbsolutePath repository, CancellationToken cancellation)
    {
        var described = await Git.FindAsync(repository, cancellation) is { } git ? await git.DescribeTagsAsync(cancellation) : null;
        return described is { Length: > 0 } ? described.TrimStart('v') : Fallback;
    }
}
