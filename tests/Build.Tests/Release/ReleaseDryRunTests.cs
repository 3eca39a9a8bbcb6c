namespace BuildTests.Release;

/// <summary>--dry-run: the version, the notes and every step, from whatever state the repository is in; nothing changes.</summary>
public sealed class ReleaseDryRunTests : IDisposable
{
    private readonly ReleaseRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task A_dry_run_prints_the_version_the_notes_and_the_steps_and_changes_nothing()
    {
        run.ReleasedOnceAndChanged();
        var before = run.Repository.State();

        var (code, output) = await run.ReleaseAsync("--dry-run", "--github-token", "");

        Assert.Equal(0, code);
        Assert.Contains("Release v1.1.0: 2 commit(s) since v1.0.0, the strongest a feature", output, StringComparison.Ordinal);
        Assert.Matches(@"## \[1\.1\.0\]\(https://github\.com/octokit-fixture-org/release-assets/compare/v1\.0\.0\.\.\.v1\.1\.0\) \(\d{4}-\d\d-\d\d\)", output);
        Assert.Contains("### Features\n\n- search notes ([", output, StringComparison.Ordinal);
        Assert.Contains("### Bug fixes\n\n- empty titles crash ([", output, StringComparison.Ordinal);
        Assert.Contains("  3. Push main and v1.1.0 to origin, both or neither", output, StringComparison.Ordinal);
        Assert.Contains("  5. Upload artifacts/test-upload.txt (test) to the release", output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", output, StringComparison.Ordinal);
        Assert.Equal(before, run.Repository.State());
        Assert.False(File.Exists(Path.Combine(run.Root, "CHANGELOG.md")));
        Assert.False(File.Exists(Path.Combine(run.Root, "artifacts", "release.json")));
    }

    [Fact]
    public async Task A_shallow_clone_fetches_the_history_it_needs()
    {
        run.ReleasedOnceAndChanged();
        var clone = run.CloneShallow();

        var (code, output) = await run.ReleaseAsync("--dry-run", "--root", clone);

        Assert.Equal(0, code);
        Assert.Contains("Release v1.1.0: 2 commit(s) since v1.0.0", output, StringComparison.Ordinal);
        Assert.Equal("false", TestRepository.Run(clone, "rev-parse", "--is-shallow-repository"));
    }

    [Fact]
    public async Task A_release_commit_left_without_its_tag_is_tagged_not_committed_again()
    {
        run.Repository.Commit("feat: search notes");
        run.Repository.Push();
        File.WriteAllText(Path.Combine(run.Root, "CHANGELOG.md"), "# Changelog\n\n## 1.0.0 (2025-01-01)\n\n### Features\n\n- search notes\n");
        run.Repository.Git("add", "CHANGELOG.md");
        run.Repository.Git("commit", "--quiet", "-m", "chore(release): v1.0.0"); // what a run stopped before tagging leaves

        var (code, output) = await run.ReleaseAsync("--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("Release v1.0.0: finishing v1.0.0, which an earlier run started", output, StringComparison.Ordinal);
        Assert.Contains("## 1.0.0 (2025-01-01)\n\n### Features\n\n- search notes\n", output, StringComparison.Ordinal);
        Assert.Contains("  1. Create the annotated tag v1.0.0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CHANGELOG.md and commit", output, StringComparison.Ordinal);
    }
}
