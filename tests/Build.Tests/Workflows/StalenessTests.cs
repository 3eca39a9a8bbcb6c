using BuildTests.Workflows.Graphs;
using Engine;
using Engine.Running;
using Engine.Workflows;

namespace BuildTests.Workflows;

/// <summary>GenerateWorkflows writes exactly the generated files; CheckWorkflows fails, with a diff, on any difference.</summary>
public sealed class StalenessTests : IDisposable
{
    private readonly AbsolutePath root = TestPaths.NewTemporaryRoot();

    public void Dispose() => Directory.Delete(root, recursive: true);

    private IReadOnlyList<ExpectedFile> Expected() => WorkflowFiles.Expected(root, WorkflowGenerator.Generate(new DeliveryBuild()));

    [Fact]
    public void Written_files_are_up_to_date_and_writing_again_changes_nothing()
    {
        var written = WorkflowFiles.Write(root, Expected());

        Assert.Equal(5, written.Count);
        Assert.Empty(WorkflowCheck.Compare(root, Expected()));
        Assert.Empty(WorkflowFiles.Write(root, Expected()));
    }

    [Fact]
    public void An_edited_workflow_is_stale_and_the_diff_shows_the_edit()
    {
        WorkflowFiles.Write(root, Expected());
        var path = root / ".github/workflows/deploy-staging.yml";
        File.WriteAllText(path, File.ReadAllText(path).Replace("timeout-minutes: 45", "timeout-minutes: 50", StringComparison.Ordinal));

        var stale = Assert.Single(WorkflowCheck.Compare(root, Expected()));

        Assert.Equal(".github/workflows/deploy-staging.yml", stale.Path);
        Assert.Contains("--- a/.github/workflows/deploy-staging.yml (committed)\n+++ b/.github/workflows/deploy-staging.yml (generated)\n@@ ", stale.Diff, StringComparison.Ordinal);
        Assert.Contains("\n-    timeout-minutes: 50\n+    timeout-minutes: 45\n", stale.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_workflow_no_longer_declared_is_removed_but_a_hand_written_one_is_kept()
    {
        WorkflowFiles.Write(root, Expected());
        File.WriteAllText(root / ".github/workflows/old.yml", $"# {WorkflowYaml.HeaderMarker} from Build.Old (build/): do not edit by hand.\nname: Old\n");
        File.WriteAllText(root / ".github/workflows/manual.yml", "name: Manual\n");

        var stale = Assert.Single(WorkflowCheck.Compare(root, Expected()));
        WorkflowFiles.Write(root, Expected());

        Assert.Equal(".github/workflows/old.yml", stale.Path);
        Assert.Contains("-name: Old\n", stale.Diff, StringComparison.Ordinal);
        Assert.False(File.Exists(root / ".github/workflows/old.yml"));
        Assert.True(File.Exists(root / ".github/workflows/manual.yml"));
    }

    [Fact]
    public void The_README_region_between_the_markers_is_generated_and_checked()
    {
        File.WriteAllText(root / "README.md", $"# Title\n\nBefore.\n\n{ReadmeRegion.Start}\nold graph\n{ReadmeRegion.End}\n\nAfter.\n");

        var stale = Assert.Single(WorkflowCheck.Compare(root, Expected()), f => f.Path == "README.md");
        WorkflowFiles.Write(root, Expected());
        var readme = File.ReadAllText(root / "README.md");

        Assert.Contains("-old graph\n", stale.Diff, StringComparison.Ordinal);
        Assert.StartsWith($"# Title\n\nBefore.\n\n{ReadmeRegion.Start}\n#### CI", readme, StringComparison.Ordinal);
        Assert.EndsWith($"```\n\n{ReadmeRegion.End}\n\nAfter.\n", readme, StringComparison.Ordinal);
        Assert.Contains("deploy_blue_green -. on failure .-> rollback", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void A_README_without_markers_is_left_alone()
    {
        File.WriteAllText(root / "README.md", "# Title\n");

        Assert.DoesNotContain(Expected(), f => f.Path == "README.md");
    }

    [Fact]
    public void The_CheckWorkflows_target_fails_and_prints_the_diff_until_GenerateWorkflows_runs()
    {
        var repository = TestPaths.RepositoryRoot;
        (root / ".github/workflows").CreateDirectory();
        var ci = File.ReadAllText(repository / ".github/workflows/ci.yml");
        File.WriteAllText(root / ".github/workflows/ci.yml", ci.Replace("      - main\n", "      - master\n", StringComparison.Ordinal));
        File.WriteAllText(root / "README.md", File.ReadAllText(repository / "README.md"));

        var (failed, output) = Run("CheckWorkflows");
        var (generated, _) = Run("GenerateWorkflows");
        var (passed, _) = Run("CheckWorkflows");

        Assert.Equal(BuildHost.TargetFailed, failed);
        Assert.Contains("--- a/.github/workflows/ci.yml (committed)", output, StringComparison.Ordinal);
        Assert.Contains("-      - master\n+      - main\n", output, StringComparison.Ordinal);
        Assert.Contains("Run ./build.sh GenerateWorkflows and commit the result.", output, StringComparison.Ordinal);
        Assert.Equal((BuildHost.Success, BuildHost.Success), (generated, passed));
        Assert.Equal(ci, File.ReadAllText(root / ".github/workflows/ci.yml"));
    }

    private (int ExitCode, string Output) Run(string target)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var exitCode = BuildHost.Run(new Build(), [target, "--root", root], _ => null, writer, redirectConsole: false, Environment.GetEnvironmentVariable, CancellationToken.None);
        return (exitCode, writer.ToString());
    }
}
