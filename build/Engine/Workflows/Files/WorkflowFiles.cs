namespace Engine.Workflows;

/// <summary>
/// The files generation owns, as they should be: each workflow, README.md's generated region, and the removal of
/// generated workflows no longer declared (hand-written workflows, without the header, are never touched).
/// </summary>
public static class WorkflowFiles
{
    public const string Directory = ".github/workflows";
    public const string Readme = "README.md";

    public static IReadOnlyList<ExpectedFile> Expected(AbsolutePath root, IReadOnlyList<GeneratedWorkflow> workflows)
    {
        var files = workflows.Select(w => new ExpectedFile(w.Path, w.Yaml)).ToList();
        var directory = root / Directory;
        if (System.IO.Directory.Exists(directory))
        {
            var declared = workflows.Select(w => w.Path).ToHashSet(StringComparer.Ordinal);
            files.AddRange(System.IO.Directory.GetFiles(directory, "*.yml")
                .Select(path => $"{Directory}/{Path.GetFileName(path)}")
                .Where(path => !declared.Contains(path) && IsGenerated(root / path))
                .Order(StringComparer.Ordinal)
                .Select(path => new ExpectedFile(path, null)));
        }

        var readme = root / Readme;
        if (File.Exists(readme) && ReadmeRegion.Replace(File.ReadAllText(readme), workflows) is { } updated)
            files.Add(new ExpectedFile(Readme, updated));
        return files;
    }

    /// <summary>Writes what differs; returns the paths written or deleted.</summary>
    public static IReadOnlyList<string> Write(AbsolutePath root, IReadOnlyList<ExpectedFile> files)
    {
        var changed = new List<string>();
        foreach (var file in files.Where(f => f.Content != Current(root, f.Path)))
        {
            var path = root / file.Path;
            if (file.Content is null)
            {
                File.Delete(path);
            }
            else
            {
                path.Parent.CreateDirectory();
                File.WriteAllText(path, file.Content);
            }

            changed.Add(file.Path);
        }

        return changed;
    }

    /// <summary>The file's text, or null when it does not exist. Line ends read as LF: a Windows checkout is not stale.</summary>
    public static string? Current(AbsolutePath root, string path) =>
        File.Exists(root / path) ? File.ReadAllText(root / path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;

    private static bool IsGenerated(string path) =>
        File.ReadLines(path).FirstOrDefault()?.Contains(WorkflowYaml.HeaderMarker, StringComparison.Ordinal) == true;
}

/// <summary>A path relative to the root and its expected text; null content means the file should not exist.</summary>
public sealed record ExpectedFile(string Path, string? Content);
