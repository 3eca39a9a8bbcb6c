using System.Globalization;
using Engine;

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

    /// <summary>The repository's web address: GitHub's own on Actions, else the origin remote's; null without either.</summary>
    public static async Task<string?> Source(AbsolutePath root, CancellationToken cancellation) =>
        BuildEnvironment.Get("GITHUB_SERVER_URL") is { Length: > 0 } server && BuildEnvironment.Get("GITHUB_REPOSITORY") is { Length: > 0 } repository
            ? $"{server}/{repository}"
            : await Git.OriginUrl(root, cancellation);
}
