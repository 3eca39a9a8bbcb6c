using System.Security.Cryptography;
using System.Text;
using Engine;

/// <summary>
/// The content tag: a hash of everything the image is made from (the files under the input paths and the settings
/// that change the result, such as the base image's id), so unchanged inputs find the image already built.
/// Build output folders (bin, obj) are not inputs: they are made from the sources that are.
/// </summary>
internal static class ContentTag
{
    public const string Prefix = "content-";
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git"];

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
