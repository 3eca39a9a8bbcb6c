namespace Engine.Workflows;

/// <summary>The staleness check: every generated file that differs from what is on disk, with a unified diff.</summary>
public static class WorkflowCheck
{
    public static IReadOnlyList<StaleFile> Compare(AbsolutePath root, IReadOnlyList<ExpectedFile> files) =>
        files
            .Select(file => (file, Current: WorkflowFiles.Current(root, file.Path)))
            .Where(entry => entry.Current != entry.file.Content)
            .Select(entry => new StaleFile(entry.file.Path, UnifiedDiff.Render(entry.file.Path, entry.Current ?? "", entry.file.Content ?? "")))
            .ToList();
}

/// <summary>A file whose committed text differs from the generated one; the diff goes from committed to generated.</summary>
public sealed record StaleFile(string Path, string Diff);
