using Pipeline.GitHub;

namespace Pipeline.Release;

/// <summary>
/// A file the release carries: "path" or "path#label", relative to the root. A missing file is skipped, not an
/// error: the SBOM, image.json and migration.json exist only when the build made an image or a migration.
/// </summary>
public sealed record ReleaseAsset(string Path, string? Label)
{
    /// <summary>The asset's name on GitHub: the file name.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    public string ContentType => System.IO.Path.GetExtension(Path).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".txt" or ".md" => "text/plain",
        ".zip" => "application/zip",
        ".gz" or ".tgz" => "application/gzip",
        _ => "application/octet-stream",
    };

    public static ReleaseAsset Parse(string specification)
    {
        var parts = specification.Split('#', 2);
        return new ReleaseAsset(parts[0].Trim(), parts.Length == 2 && parts[1].Trim().Length > 0 ? parts[1].Trim() : null);
    }

    /// <summary>The assets whose file exists and that the release does not hold complete (all of them for a new release).</summary>
    public static IReadOnlyList<ReleaseAsset> Pending(IEnumerable<ReleaseAsset> assets, string root, GitHubRelease? release) =>
        assets.Where(a => File.Exists(System.IO.Path.Combine(root, a.Path)))
            .Where(a => release is null || !release.Assets.Any(existing => existing.Name == a.Name && existing.IsUploaded))
            .ToList();

    public override string ToString() => Label is null ? Path : $"{Path} ({Label})";
}
