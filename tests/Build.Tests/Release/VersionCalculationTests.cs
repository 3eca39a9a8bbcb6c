namespace BuildTests.Release;

/// <summary>The next version from a real repository's commits and tags.</summary>
public sealed class VersionCalculationTests : IDisposable
{
    private readonly TestRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task A_repository_without_release_tags_starts_at_0_1_0()
    {
        repository.Commit("Add the service");

        var plan = await CalculateAsync();

        Assert.Equal("0.1.0", plan.Next?.ToString());
        Assert.Null(plan.Previous);
        Assert.Equal(2, plan.Commits.Count);
    }

    [Theory]
    [InlineData("fix: handle empty notes", "1.4.3")]
    [InlineData("perf: cache the notes query", "1.4.3")]
    [InlineData("feat: notes can be searched", "1.5.0")]
    [InlineData("feat(api)!: notes need a title", "2.0.0")]
    [InlineData("refactor: split the handler\n\nBREAKING CHANGE: /notes/all is gone", "2.0.0")]
    [InlineData("feat: search (#12)\n\n* fix: typo\n\n* docs: readme", "1.5.0")]
    [InlineData("fix(api): reject empty titles (#13)\n\n* feat: validation\n* chore: tidy", "1.4.3")]
    public async Task The_strongest_commit_since_the_last_tag_moves_the_version(string message, string expected)
    {
        Release("1.4.2");
        repository.Commit("docs: explain notes");
        repository.Commit(message);

        var plan = await CalculateAsync();

        Assert.Equal(expected, plan.Next?.ToString());
        Assert.Equal("v1.4.2", plan.Previous?.Name);
        Assert.Equal(2, plan.Commits.Count);
    }

    [Theory]
    [InlineData("feat!: drop the v1 API", "0.5.0")]
    [InlineData("feat: search", "0.5.0")]
    [InlineData("fix: crash", "0.4.3")]
    public async Task Before_1_0_a_breaking_change_moves_the_minor_version(string message, string expected)
    {
        Release("0.4.2");
        repository.Commit(message);

        Assert.Equal(expected, (await CalculateAsync()).Next?.ToString());
    }

    [Fact]
    public async Task Commits_that_change_nothing_a_user_sees_ask_for_no_release()
    {
        Release("1.0.0");
        repository.Commit("docs: typo");
        repository.Commit("chore(deps): bump xunit");
        repository.Commit("Merge the branch the old way");

        var plan = await CalculateAsync();

        Assert.Null(plan.Next);
        Assert.Equal(3, plan.Commits.Count);
    }

    [Fact]
    public async Task The_highest_release_reachable_from_HEAD_is_the_base_and_tags_elsewhere_are_ignored()
    {
        Release("1.0.0");
        repository.Git("checkout", "--quiet", "-b", "experiment");
        repository.Commit("feat: experiment");
        repository.Tag("v9.0.0");
        repository.Git("checkout", "--quiet", "main");
        Release("1.1.0");
        repository.Commit("fix: crash");
        repository.Tag("v1.1.0-rc.1"); // a pre-release is never the base of a stable release
        repository.Commit("fix: another crash");

        var plan = await CalculateAsync();

        Assert.Equal("v1.1.0", plan.Previous?.Name);
        Assert.Equal("1.1.1", plan.Next?.ToString());
    }

    [Fact]
    public async Task A_pre_release_counts_on_from_the_highest_of_its_label()
    {
        Release("1.0.0");
        repository.Commit("feat: search");
        Assert.Equal("1.1.0-rc.1", (await CalculateAsync(prerelease: "rc")).Next?.ToString());

        repository.Tag("v1.1.0-rc.1");
        repository.Commit("fix: search ranks");
        Assert.Equal("1.1.0-rc.2", (await CalculateAsync(prerelease: "rc")).Next?.ToString());
        Assert.Equal("1.1.0-beta.1", (await CalculateAsync(prerelease: "beta")).Next?.ToString());
        Assert.Equal("1.1.0", (await CalculateAsync()).Next?.ToString());
    }

    [Fact]
    public async Task A_requested_version_wins_and_a_release_tag_on_HEAD_is_being_finished()
    {
        Release("0.9.0");
        repository.Commit("fix: crash");
        Assert.Equal("1.0.0", (await CalculateAsync(requested: new SemanticVersion(1, 0, 0))).Next?.ToString());

        repository.Tag("v0.9.1");
        var plan = await CalculateAsync();

        Assert.True(plan.IsResuming);
        Assert.Equal("0.9.1", plan.Next?.ToString());
        Assert.Equal("v0.9.0", plan.Previous?.Name);
    }

    private void Release(string version)
    {
        repository.Commit($"chore(release): v{version}");
        repository.Tag($"v{version}");
    }

    private Task<VersionPlan> CalculateAsync(SemanticVersion? requested = null, string? prerelease = null) =>
        new VersionCalculation(new Git(repository.Root)).CalculateAsync(requested, prerelease, CancellationToken.None);
}
