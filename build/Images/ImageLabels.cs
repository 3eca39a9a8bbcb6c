using System.Globalization;
using Engine;
using Pipeline.Tools;

namespace Pipeline.Images;

/// <summary>The OCI annotations every image gets: when, which version and commit, from which source and base.</summary>
internal static class ImageLabels
{
    public static Dictionary<string, string> For(ImageRecipe recipe, ImageStamp stamp, string? source)
    {
        var labels = new Dictionary<string, string>(recipe.Labels)
        {
            ["org.opencontainers.image.created"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["org.opencontainers.image.version"] = stamp.Version,
            ["org.opencontainers.image.revision"] = stamp.Revision ?? "unknown",
            ["org.opencontainers.image.base.name"] = recipe.BaseImage,
        };
        if (source is not null)
            labels["org.opencontainers.image.source"] = source;
        return labels;
    }

    /// <summary>The repository's web address: GitHub's own on Actions, else the origin remote's, browsable; null without either.</summary>
    public static async Task<string?> Source(AbsolutePath root, CancellationToken cancellation)
    {
        if (BuildEnvironment.Get("GITHUB_SERVER_URL") is { Length: > 0 } server && BuildEnvironment.Get("GITHUB_REPOSITORY") is { Length: > 0 } repository)
            return $"{server}/{repository}";
        return await Git.FindAsync(root, cancellation) is { } git && await git.RemoteUrlAsync("origin", cancellation) is { } url ? BrowsableUrl(url) : null;
    }

    /// <summary>git@github.com:owner/repo.git → https://github.com/owner/repo; credentials in an https URL are dropped.</summary>
    public static string BrowsableUrl(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.EndsWith(".git", StringComparison.Ordinal))
            trimmed = trimmed[..^4];
        if (trimmed.StartsWith("git@", StringComparison.Ordinal) && trimmed.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            return $"https://{trimmed[4..colon]}/{trimmed[(colon + 1)..]}";
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/')
            : trimmed;
    }
}
