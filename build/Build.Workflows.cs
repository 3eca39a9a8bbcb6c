using Engine;
using Engine.Workflows;

internal sealed partial class Build
{
    /// <summary>Writes .github/workflows/*.yml and README.md's job graphs from the declarations in Workflows/.</summary>
    private Target GenerateWorkflows => _ => _
        .Description("Write .github/workflows/*.yml and the README's job graphs from the workflow declarations in build/WorkflowDeclarations")
        .Executes(() =>
        {
            var changed = WorkflowFiles.Write(RootDirectory, WorkflowFiles.Expected(RootDirectory, WorkflowGenerator.Generate(this)));
            foreach (var path in changed)
                Log.Information($"updated {path}");
            ReportSummary(changed.Count == 0 ? "up to date" : $"{changed.Count} file(s) updated");
        });

    /// <summary>CI's guard that the workflows are generated, never edited: fails with the diff when they are stale.</summary>
    private Target CheckWorkflows => _ => _
        .Description("Fail, printing the diff, when .github/workflows or the README's job graphs differ from what build/ generates")
        .Executes(() =>
        {
            var stale = WorkflowCheck.Compare(RootDirectory, WorkflowFiles.Expected(RootDirectory, WorkflowGenerator.Generate(this)));
            // The diffs as plain output: as errors they would be replayed whole in the end-of-build problem list.
            foreach (var file in stale)
                Log.Information(file.Diff);
            ReportSummary(stale.Count == 0 ? "up to date" : $"{stale.Count} stale file(s)");
            if (stale.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Stale generated files: {string.Join(", ", stale.Select(f => f.Path))}. Run ./build.sh GenerateWorkflows and commit the result.");
            }
        });
}
