namespace BuildTests.Release;

/// <summary>What Release refuses: one line, exit code 2, and the repository and its remote exactly as they were.</summary>
[Collection(GitHubFixturesCollection.Name)]
public sealed class ReleaseRefusalTests(GitHubFixtures fixtures) : IDisposable
{
    private readonly ReleaseRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task A_dirty_tree_is_refused()
    {
        run.ReleasedOnceAndChanged();
        File.WriteAllText(Path.Combine(run.Root, "notes.txt"), "draft");

        await run.AssertRefusedAsync("error: The working tree has 1 uncommitted change(s) (notes.txt): commit or stash them first.");
    }

    [Fact]
    public async Task Another_branch_is_refused()
    {
        run.ReleasedOnceAndChanged();
        run.Repository.Git("checkout", "--quiet", "-b", "feature");

        await run.AssertRefusedAsync("error: On branch feature: releases are cut from main (--release-branch).");
    }

    [Fact]
    public async Task A_working_copy_behind_its_remote_is_refused()
    {
        run.ReleasedOnceAndChanged();
        using (var other = new TestRepository())
        {
            other.Git("remote", "set-url", "origin", run.Repository.RemoteUrl);
            other.Git("fetch", "--quiet", "origin");
            other.Git("reset", "--quiet", "--hard", "origin/main");
            other.Commit("fix: pushed by someone else");
            other.Git("push", "--quiet", "origin", "main");
        }

        await run.AssertRefusedAsync("error: main is 1 commit(s) behind origin/main: pull, then run Release again.");
    }

    [Fact]
    public async Task Commits_that_ask_for_no_release_are_refused()
    {
        run.Repository.Tag("v1.0.0");
        run.Repository.Commit("docs: typo");
        run.Repository.Push();

        await run.AssertRefusedAsync("error: Nothing to release since v1.0.0: none of its 1 commit(s) is a feat, fix, perf or breaking change; pass --version to release anyway.");
    }

    [RequiresToolFact("node", "npm")]
    public async Task No_commits_since_a_complete_release_is_refused()
    {
        run.Repository.Tag("v1.0.0");
        run.Repository.Push();

        var api = await fixtures.LoadAsync("release-complete");

        await run.AssertRefusedAsync(
            "error: No commits since v1.0.0, which is released with all its assets (",
            "--github-api-url", api.ToString());
    }

    [Fact]
    public async Task A_shallow_clone_that_cannot_fetch_is_refused_with_one_line()
    {
        run.ReleasedOnceAndChanged();
        var clone = run.CloneShallow();
        TestRepository.Run(clone, "remote", "set-url", "origin", "file:///nonexistent/remote.git");

        var (code, output) = await run.ReleaseAsync("--root", clone);

        Assert.Equal(2, code);
        var line = Assert.Single(output.Trim().Split('\n'));
        Assert.StartsWith("error: This clone is shallow and the history a version needs could not be fetched from origin (fatal: ", line, StringComparison.Ordinal);
        Assert.EndsWith("): clone with the full history (fetch-depth: 0).", line, StringComparison.Ordinal);
    }
}
