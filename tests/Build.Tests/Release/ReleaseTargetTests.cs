using BuildTests.Cli;

namespace BuildTests.Release;

/// <summary>
/// `Release` as a user runs it: the compiled build in a real repository whose remote is a bare repository, GitHub
/// played by the fixtures server. Refusals exit 2 with one line and change nothing; an interrupted release is
/// finished by the next run; the token never shows.
/// </summary>
[Collection(GitHubFixturesCollection.Name)]
public sealed class ReleaseTargetTests : IDisposable
{
    private const string Repository = "octokit-fixture-org/release-assets";
    private const string Asset = "artifacts/test-upload.txt";
    private const string DeadApi = "http://127.0.0.1:1/"; // nothing listens: the run stops after pushing the tag

    private readonly GitHubFixtures fixtures;
    private readonly CompiledBuild build = new();
    private readonly TestRepository repository;

    public ReleaseTargetTests(GitHubFixtures fixtures)
    {
        this.fixtures = fixtures;
        repository = new TestRepository(build.Root);
        Directory.CreateDirectory(Path.Combine(build.Root, "artifacts"));
        // The file the recorded upload carries, byte for byte.
        File.WriteAllText(Path.Combine(build.Root, Asset), "Hello, world!\n");
    }

    public void Dispose()
    {
        repository.Dispose();
        build.Dispose();
    }

    [Fact]
    public async Task A_dirty_tree_is_refused()
    {
        ReleasedOnceAndChanged();
        File.WriteAllText(Path.Combine(build.Root, "notes.txt"), "draft");

        await AssertRefusedAsync("error: The working tree has 1 uncommitted change(s) (notes.txt): commit or stash them first.");
    }

    [Fact]
    public async Task Another_branch_is_refused()
    {
        ReleasedOnceAndChanged();
        repository.Git("checkout", "--quiet", "-b", "feature");

        await AssertRefusedAsync("error: On branch feature: releases are cut from main (--release-branch).");
    }

    [Fact]
    public async Task A_working_copy_behind_its_remote_is_refused()
    {
        ReleasedOnceAndChanged();
        using (var other = new TestRepository())
        {
            other.Git("remote", "set-url", "origin", repository.RemoteUrl);
            other.Git("fetch", "--quiet", "origin");
            other.Git("reset", "--quiet", "--hard", "origin/main");
            other.Commit("fix: pushed by someone else");
            other.Git("push", "--quiet", "origin", "main");
        }

        await AssertRefusedAsync("error: main is 1 commit(s) behind origin/main: pull, then run Release again.");
    }

    [Fact]
    public async Task Commits_that_ask_for_no_release_are_refused()
    {
        repository.Tag("v1.0.0");
        repository.Commit("docs: typo");
        repository.Push();

        await AssertRefusedAsync("error: Nothing to release since v1.0.0: none of its 1 commit(s) is a feat, fix, perf or breaking change; pass --version to release anyway.");
    }

    [RequiresToolFact("node", "npm")]
    public async Task No_commits_since_a_complete_release_is_refused()
    {
        repository.Tag("v1.0.0");
        repository.Push();

        var api = await fixtures.LoadAsync("release-complete");

        await AssertRefusedAsync(
            "error: No commits since v1.0.0, which is released with all its assets (",
            "--github-api-url", api.ToString());
    }

    [Fact]
    public async Task A_dry_run_prints_the_version_the_notes_and_the_steps_and_changes_nothing()
    {
        ReleasedOnceAndChanged();
        var before = repository.State();

        var (code, output) = await ReleaseAsync("--dry-run", "--github-token", "");

        Assert.Equal(0, code);
        Assert.Contains("Release v1.1.0: 2 commit(s) since v1.0.0, the strongest a feature", output, StringComparison.Ordinal);
        Assert.Matches(@"## \[1\.1\.0\]\(https://github\.com/octokit-fixture-org/release-assets/compare/v1\.0\.0\.\.\.v1\.1\.0\) \(\d{4}-\d\d-\d\d\)", output);
        Assert.Contains("### Features\n\n- search notes ([", output, StringComparison.Ordinal);
        Assert.Contains("### Bug fixes\n\n- empty titles crash ([", output, StringComparison.Ordinal);
        Assert.Contains("  3. Push main and v1.1.0 to origin, both or neither", output, StringComparison.Ordinal);
        Assert.Contains("  5. Upload artifacts/test-upload.txt (test) to the release", output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", output, StringComparison.Ordinal);
        Assert.Equal(before, repository.State());
        Assert.False(File.Exists(Path.Combine(build.Root, "CHANGELOG.md")));
        Assert.False(File.Exists(Path.Combine(build.Root, "artifacts", "release.json")));
    }

    [Fact]
    public async Task A_shallow_clone_fetches_the_history_it_needs()
    {
        ReleasedOnceAndChanged();
        var clone = CloneShallow();

        var (code, output) = await ReleaseAsync("--dry-run", "--root", clone);

        Assert.Equal(0, code);
        Assert.Contains("Release v1.1.0: 2 commit(s) since v1.0.0", output, StringComparison.Ordinal);
        Assert.Equal("false", TestRepository.Run(clone, "rev-parse", "--is-shallow-repository"));
    }

    [Fact]
    public async Task A_shallow_clone_that_cannot_fetch_is_refused_with_one_line()
    {
        ReleasedOnceAndChanged();
        var clone = CloneShallow();
        TestRepository.Run(clone, "remote", "set-url", "origin", "file:///nonexistent/remote.git");

        var (code, output) = await ReleaseAsync("--root", clone);

        Assert.Equal(2, code);
        var line = Assert.Single(output.Trim().Split('\n'));
        Assert.StartsWith("error: This clone is shallow and the history a version needs could not be fetched from origin (fatal: ", line, StringComparison.Ordinal);
        Assert.EndsWith("): clone with the full history (fetch-depth: 0).", line, StringComparison.Ordinal);
    }

    [RequiresToolFact("node", "npm")]
    public async Task A_release_commits_the_changelog_pushes_an_annotated_tag_and_publishes_the_notes_and_assets()
    {
        repository.Commit("feat: search notes");
        repository.Push();

        var (code, output) = await ReleaseAsync("--version", "1.0.0", "--github-api-url", (await fixtures.LoadAsync("release-create")).ToString());

        Assert.Equal(0, code);
        Assert.Contains("Created the release v1.0.0: http", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded test-upload.txt (14 bytes)", output, StringComparison.Ordinal);
        Assert.Equal("tag", repository.RemoteGit("cat-file", "-t", "v1.0.0"));
        Assert.Equal("chore(release): v1.0.0", repository.RemoteGit("log", "-1", "--format=%s", "main"));
        Assert.Equal(repository.RemoteGit("rev-parse", "main"), repository.RemoteGit("rev-parse", "v1.0.0^{commit}"));
        var changelog = repository.RemoteGit("show", "main:CHANGELOG.md");
        Assert.Contains("## 1.0.0 (", changelog, StringComparison.Ordinal);
        Assert.Contains("- search notes ([", changelog, StringComparison.Ordinal);
        Assert.Contains("- search notes ([", repository.RemoteGit("tag", "--list", "--format=%(contents)", "v1.0.0"), StringComparison.Ordinal);
        Assert.Contains("\"tag\":\"v1.0.0\"", File.ReadAllText(Path.Combine(build.Root, "artifacts", "release.json")), StringComparison.Ordinal);
    }

    [RequiresToolFact("node", "npm")]
    public async Task A_run_stopped_after_the_tag_push_is_finished_by_the_next_with_one_tag_and_one_release()
    {
        await StopAfterTagPushAsync();

        var (code, output) = await ReleaseAsync("--github-api-url", (await fixtures.LoadAsync("release-resume")).ToString());

        Assert.Equal(0, code);
        Assert.Contains("Release v1.0.0: finishing v1.0.0, which an earlier run started", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Push main", output, StringComparison.Ordinal);
        Assert.Contains("Created the release v1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded test-upload.txt", output, StringComparison.Ordinal);
        Assert.Equal("v1.0.0", repository.RemoteGit("tag", "--list"));
        Assert.Single(repository.RemoteGit("log", "--format=%s", "main").Split('\n'), s => s.StartsWith("chore(release)", StringComparison.Ordinal));

        // The release is complete now: a third run has nothing left to do.
        await AssertRefusedAsync("error: No commits since v1.0.0, which is released with all its assets", "--github-api-url", (await fixtures.LoadAsync("release-complete")).ToString());
    }

    [Fact]
    public async Task A_release_commit_left_without_its_tag_is_tagged_not_committed_again()
    {
        repository.Commit("feat: search notes");
        repository.Push();
        File.WriteAllText(Path.Combine(build.Root, "CHANGELOG.md"), "# Changelog\n\n## 1.0.0 (2025-01-01)\n\n### Features\n\n- search notes\n");
        repository.Git("add", "CHANGELOG.md");
        repository.Git("commit", "--quiet", "-m", "chore(release): v1.0.0"); // what a run stopped before tagging leaves

        var (code, output) = await ReleaseAsync("--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("Release v1.0.0: finishing v1.0.0, which an earlier run started", output, StringComparison.Ordinal);
        Assert.Contains("## 1.0.0 (2025-01-01)\n\n### Features\n\n- search notes\n", output, StringComparison.Ordinal);
        Assert.Contains("  1. Create the annotated tag v1.0.0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CHANGELOG.md and commit", output, StringComparison.Ordinal);
    }

    [RequiresToolFact("node", "npm")]
    public async Task A_release_without_all_its_assets_gets_the_missing_ones()
    {
        await StopAfterTagPushAsync();

        // Recorded: the release exists with no assets, then the upload.
        var (code, output) = await ReleaseAsync("--github-api-url", (await fixtures.LoadAsync("release-assets")).ToString());

        Assert.Equal(0, code);
        Assert.DoesNotContain("Create the GitHub release", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded test-upload.txt", output, StringComparison.Ordinal);
    }

    [RequiresToolFact("node", "npm")]
    public async Task An_asset_an_earlier_upload_left_behind_is_replaced()
    {
        await StopAfterTagPushAsync();

        // Recorded: the upload collides (422 already_exists), the asset is listed, deleted and uploaded again.
        var (code, output) = await ReleaseAsync(
            "--github-api-url", (await fixtures.LoadAsync("release-assets-conflict")).ToString(), "--github-repository", "octokit-fixture-org/release-assets-conflict");

        Assert.Equal(0, code);
        Assert.Contains("test-upload.txt is already on v1.0.0 (state uploaded) from an earlier run: replacing it", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded test-upload.txt", output, StringComparison.Ordinal);
    }

    /// <summary>v1.0.0 released, then a feature and a fix on main, pushed.</summary>
    private void ReleasedOnceAndChanged()
    {
        repository.Tag("v1.0.0");
        repository.Commit("feat: search notes");
        repository.Commit("fix: empty titles crash");
        repository.Push();
    }

    /// <summary>A release of v1.0.0 that GitHub's outage stopped after the tag was pushed.</summary>
    private async Task StopAfterTagPushAsync()
    {
        repository.Commit("feat: search notes");
        repository.Push();
        var (code, output) = await ReleaseAsync("--version", "1.0.0", "--github-api-url", DeadApi);
        Assert.Equal(1, code);
        Assert.Equal("v1.0.0", repository.RemoteGit("tag", "--list"));
        Assert.Contains("Release failed", output, StringComparison.Ordinal);
    }

    private string CloneShallow()
    {
        var clone = Path.Combine(build.Root, "artifacts", "clone");
        TestRepository.Run(build.Root, "clone", "--quiet", "--depth", "1", repository.RemoteUrl, clone);
        Assert.Equal("true", TestRepository.Run(clone, "rev-parse", "--is-shallow-repository"));
        return clone;
    }

    private async Task AssertRefusedAsync(string expectedLine, params string[] arguments)
    {
        var before = repository.State();

        var (code, output) = await ReleaseAsync(arguments);

        Assert.Equal(2, code);
        Assert.StartsWith(expectedLine, Assert.Single(output.Trim().Split('\n')), StringComparison.Ordinal);
        Assert.Equal(before, repository.State());
    }

    /// <summary>Runs Release with the test repository, token and asset; the token must never show.</summary>
    private async Task<(int Code, string Output)> ReleaseAsync(params string[] arguments)
    {
        var environment = new Dictionary<string, string>(TestRepository.IsolatedEnvironment)
        {
            // The test run may itself be on GitHub Actions, whose variables the parameters would read.
            ["GITHUB_TOKEN"] = "",
            ["GITHUB_REPOSITORY"] = "",
            ["GITHUB_API_URL"] = "",
            ["GITHUB_SERVER_URL"] = "",
            ["NO_COLOR"] = "1",
        };
        string[] defaults = ["--github-repository", Repository, "--github-token", GitHubFixtures.Token, "--release-assets", $"{Asset}#test", "--github-api-url", DeadApi];
        var (code, output) = await build.RunAsync(environment, ["Release", .. defaults, .. arguments]);
        Assert.DoesNotContain(GitHubFixtures.Token, output, StringComparison.Ordinal);
        return (code, output);
    }
}
