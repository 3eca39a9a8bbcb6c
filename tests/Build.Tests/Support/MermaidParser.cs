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
        var folder = System.IO.Directory.CreateTempSubdirectory("mermaid-").FullName;
        try
        {
            var files = diagrams.Select((text, i) => Path.Combine(folder, $"{i}.mmd")).ToList();
            foreach (var (file, text) in files.Zip(diagrams))
                File.WriteAllText(file, text);
            return NodePackages.RunReporting(Directory, "mermaid", "parse.mjs", files)
                .Select(r => r.TryGetProperty("error", out var error) ? $"error: {error.GetString()}" : r.GetProperty("diagramType").GetString()!)
                .ToList();
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
