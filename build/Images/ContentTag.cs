using System.Security.Cryptography;
using System.Text;
using Engine;

namespace Pipeline.Images;

/// <summary>
/// The content tag: a hash of everything the image is made from (the files under the input paths and the settings
/// that change the result: the base image's layers, the version and commit it is stamped with), so unchanged inputs
/// find the image already built. Build output folders (bin, obj) are not inputs: they are made from the sources that are.
/// </summary>
internal static class ContentTag
{
    public const string Prefix = "content-";
    /// <summary>Folders whose files are never inputs, wherever they are: build output, packages, git's own.</summary>
    public static readonly IReadOnlyList<string> SkippedFolders = ["bin", "obj", "node_modules", ".git"];

    /// <summary>
    /// The settings an image of <paramref name="recipe"/> is made with. The stamp is one of them: the service reports its
    /// version and commit (/version, the assembly's informational version), so an image built for 0.1.0 at commit A is not
    /// the image for 0.2.0, nor for commit B, even from the same files; reusing it would make /version lie. The commit is
    /// in it too, though it changes with every commit that leaves the service alone: the cache then serves the same
    /// commit again (a re-run, a later job or another machine building it), which is what a deploy checks /version against.
    /// </summary>
    public static Dictionary<string, string> Settings(ImageRecipe recipe, AbsolutePath root, string? baseImageLayers, ImageStamp stamp) => new()
    {
        ["base-image"] = baseImageLayers ?? recipe.BaseImage,
        ["dockerfile"] = recipe.Dockerfile.RelativeTo(root),
        ["version"] = stamp.Version,
        ["revision"] = stamp.Revision ?? "",
    };

    /// <summary>content-&lt;16 hex digits&gt;: paths relative to <paramref name="root"/>, so another checkout gets the same tag.</summary>
    public static string Compute(AbsolutePath root, IEnumerable<AbsolutePath> inputs, IReadOnlyDictionary<string, string> settings)
    {
        var lines = new List<string>();
        foreach (var file in inputs.SelectMany(Files).Distinct().Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            lines.Add($"file {Path.GetRelativePath(root, file).Replace('\\', '/')} {Convert.ToHexStringLower(SHA256.HashData(stream))}");
        }

        lines.AddRange(settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"setting {s.Key}={s.Value}"));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return Prefix + Convert.ToHexStringLower(hash)[..16];
    }

    private static IEnumerable<string> Files(AbsolutePath input)
    {
        if (File.Exists(input))
            return [input];
        if (!Directory.Exists(input))
            throw new FileNotFoundException($"Image input {input} does not exist.");
        return Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(input, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(SkippedFolders.Contains));
    }
}
