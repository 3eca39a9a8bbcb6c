using System.Text.Json;

namespace BuildTests;

/// <summary>
/// Mermaid's own parser (mermaid 12.3.0 under node, with jsdom for the DOM it expects) over diagram texts, via
/// mermaid/parse.mjs: what GitHub's renderer would refuse is refused here.
/// </summary>
internal static class MermaidParser
{
    private static readonly Engine.AbsolutePath Directory = TestPaths.ProjectDirectory / "mermaid";

    /// <summary>Per diagram, in order: its diagram type ("xychart") when it parses, or "error: …" when it does not.</summary>
    public static IReadOnlyList<string> Parse(IReadOnlyList<string> diagrams)
    {
        NodePackages.EnsureInstalled(Directory, "mermaid");
        var folder = System.IO.Directory.CreateTempSubdirectory("mermaid-").FullName;
        try
        {
            var files = diagrams.Select((text, i) => Path.Combine(folder, $"{i}.mmd")).ToList();
            foreach (var (file, text) in files.Zip(diagrams))
                File.WriteAllText(file, text);
            var (exitCode, output, errors) = NodePackages.Run(Directory, "node", ["parse.mjs", .. files]);
            if (exitCode is not (0 or 1))
                throw new InvalidOperationException($"mermaid's parser could not run (exit code {exitCode}): {errors}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .Select(r => r.TryGetProperty("error", out var error) ? $"error: {error.GetString()}" : r.GetProperty("diagramType").GetString()!)
                .ToList();
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
