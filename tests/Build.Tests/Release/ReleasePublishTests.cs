namespace BuildTests.Release;

/// <summary>
/// Release publishing to GitHub (the fixtures server) and pushing to a bare remote; a run stopped half-way is
/// finished by the next one, never failed on "tag exists".
/// </summary>
[Collection(GitHubFixturesCollection.Name)]
public sealed class ReleasePublishTests(GitHubFixtures fixtures) : IDisposable
{
    private readonly ReleaseRun run = new();

    public void Dispose() => run.Dispose();

    [RequiresToolFact("node", "npm")]
    public async Task A_release_commits_the_changelog_pushes_an_annotated_tag_and_publishes_the_notes_and_assets()
    {
        run.Repository.Commit("feat: search notes");
        run.Repository.Push();

        var (code, output) = await run.ReleaseAsync("--version", "1.0.0", "--github-api-url", (await fixtures.LoadAsync("release-create")).ToString());

        Assert.Equal(0, code);
        Assert.Contains("Created the release v1.0.0: http", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded test-upload.txt (14 bytes)", output, StringComparison.Ordinal);
        Assert.Equal("tag", run.Repository.RemoteGit("cat-file", "-t", "v1.0.0"));
        Assert.Equal("chore(release): v1.0.0", run.Repository.RemoteGit("log", "-1", "--format=%s", "main"));
        Assert.Equal(run.Repository.RemoteGit("rev-parse", "main"), run.Repository.RemoteGit("rev-parse", "v1.0.0^{commit}"));
        var changelog = run.Repository.RemoteGit("show", "main:CHANGELOG.md");
        Assert.Contains("## 1.0.0 (", changelog, StringComparison.Ordinal);
        Assert.Contains("- search notes ([", changelog, StringComparison.Ordinal);
        Assert.Contains("- search notes ([", run.Repository.RemoteGit("tag", "--list", "--format=%(contents)", "v1.0.0"), StringComparison.Ordinal);
        Assert.Contains("\"tag\":\"v1.0.0\"", File.ReadAllText(Path.Combine(run.Root, "artifacts", "release.json")), StringComparison.Ordinal);
    }

    [RequiresToolFact("node", "npm")]
    public async Task A_run_stopped_after_the_tag_push_is_finished_by_the_next_with_one_tag_and_one_release()
    {
        await run.StopAfterTagPushAsync();

        var (code, output) = await run.ReleaseAsync("--github-api-url", (await fixtures.LoadAsync("release-resume")).ToString());

        Assert.Equal(0, code);
        Assert.Contains("Release v1.0.0: finishing v1.0.0, which an earlier run started", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Push main", output, StringComparison.Ordinal);
        Assert.Contains("Created the release v1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded test-upload.txt", output, StringComparison.Ordinal);
        Assert.Equal("v1.0.0", run.Repository.RemoteGit("tag", "--list"));
        Assert.Single(run.Repository.RemoteGit("log", "--format=%s", "main").Split('\n'), s => s.StartsWith("chore(release)", StringComparison.Ordinal));

        // The release is complete now: a third run has nothing left to do.
        await run.AssertRefusedAsync("error: No commits since v1.0.0, which is released with all its assets", "--github-api-url", (await fixtures.LoadAsync("release-complete")).ToString());
    }

    [RequiresToolFact("node", "npm")]
    public async Task A_release_without_all_its_assets_gets_the_missing_ones()
    {
        await run.StopAfterTagPushAsync();

        // Recorded: the release exists with no assets, then the upload.
        var (code, output) = await run.ReleaseAsync("--github-api-url", (await fixtures.LoadAsync("release-assets")).ToString());

        Assert.Equal(0, code);
        Assert.DoesNotContain("Create the GitHub release", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded test-upload.txt", output, StringComparison.Ordinal);
    }

    [RequiresToolFact("node", "npm")]
    public async Task An_error_from_GitHub_is_one_line_with_its_status_and_message()
    {
        await run.StopAfterTagPushAsync();

        // GitHub's 403 for a token that may not write the repository's contents, when the release is created.
        var (code, output) = await run.ReleaseAsync("--github-api-url", (await fixtures.LoadAsync("release-forbidden")).ToString());

        Assert.Equal(1, code);
        var failure = Assert.Single(output.Split('\n'), line => line.StartsWith("Release failed:", StringComparison.Ordinal));
        Assert.Equal(
            "Release failed: GitHub answered POST repos/octokit-fixture-org/release-assets/releases with 403 Forbidden: Resource not accessible by integration. Check the repository name and that the token may write its contents.",
            failure.TrimEnd());
        Assert.DoesNotContain("Octokit", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [RequiresToolFact("node", "npm")]
    public async Task An_asset_an_earlier_upload_left_behind_is_replaced()
    {
        await run.StopAfterTagPushAsync();

        // Recorded: the upload collides (422 already_exists), the asset is listed, deleted and uploaded again.
        var (code, output) = await run.ReleaseAsync(
            "--github-api-url", (await fixtures.LoadAsync("release-assets-conflict")).ToString(), "--github-repository", "octokit-fixture-org/release-assets-conflict");

        Assert.Equal(0, code);
        Assert.Contains("test-upload.txt is already on v1.0.0 (state uploaded) from an earlier run: replacing it", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded test-upload.txt", output, StringComparison.Ordinal);
    }
}
