namespace BuildTests.Release;

public class ChangelogTests
{
    private static readonly GitHubLinks Links = new(new Uri("https://github.com"), new GitHubRepositoryName("acme", "notes"));

    [Fact]
    public void Notes_group_breaking_changes_features_fixes_and_performance_with_links_and_count_the_rest()
    {
        var history = History(
            ("a1", "feat(api): search notes", ""),
            ("b2", "fix: empty titles crash", ""),
            ("c3", "refactor!: notes need a title", "BREAKING CHANGE: POST /notes without a title is refused"),
            ("d4", "perf: index the notes table", ""),
            ("e5", "docs: readme", ""),
            ("f6", "chore(release): v1.2.0", ""));

        var notes = ReleaseNotes.Render(new SemanticVersion(2, 0, 0), history, Links, new DateOnly(2025, 3, 1));

        Assert.Equal("## [2.0.0](https://github.com/acme/notes/compare/v1.2.0...v2.0.0) (2025-03-01)", notes.Heading);
        Assert.Equal(
            """
            ### Breaking changes

            - POST /notes without a title is refused ([c3](https://github.com/acme/notes/commit/c3))

            ### Features

            - **api:** search notes ([a1](https://github.com/acme/notes/commit/a1))

            ### Bug fixes

            - empty titles crash ([b2](https://github.com/acme/notes/commit/b2))

            ### Performance

            - index the notes table ([d4](https://github.com/acme/notes/commit/d4))

            _1 other commit(s): documentation, chores, refactoring, tests, or messages not in Conventional Commits form._
            """.ReplaceLineEndings("\n"),
            notes.Body);
    }

    [Fact]
    public void Without_a_known_repository_the_notes_show_short_commits_and_no_links()
    {
        var notes = ReleaseNotes.Render(new SemanticVersion(0, 1, 0), History(("0123456789abcdef", "fix: crash", "")) with { Previous = null }, null, new DateOnly(2025, 3, 1));

        Assert.Equal("## 0.1.0 (2025-03-01)", notes.Heading);
        Assert.Equal("### Bug fixes\n\n- crash (0123456)", notes.Body);
    }

    [Fact]
    public void A_new_section_goes_above_the_newest_and_is_found_again_by_its_version()
    {
        var first = new ReleaseNotes("## 1.0.0 (2025-01-01)", "### Features\n\n- one");
        var second = new ReleaseNotes("## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2025-02-01)", "### Bug fixes\n\n- two");

        var text = Changelog.Prepend(Changelog.Prepend(null, first), second);

        Assert.StartsWith("# Changelog\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("## [1.1.0]", StringComparison.Ordinal) < text.IndexOf("## 1.0.0", StringComparison.Ordinal));
        Assert.Equal(second, Changelog.Find(text, new SemanticVersion(1, 1, 0)));
        Assert.Equal(first, Changelog.Find(text, new SemanticVersion(1, 0, 0)));
        Assert.Null(Changelog.Find(text, new SemanticVersion(1, 0, 1)));
    }

    [Theory]
    [InlineData("https://github.com/acme/notes.git")]
    [InlineData("https://x-access-token@github.com/acme/notes")]
    [InlineData("git@github.com:acme/notes.git")]
    [InlineData("ssh://git@github.example.com/acme/notes.git")]
    public void The_repository_is_read_from_a_remote_url(string url) =>
        Assert.Equal(new GitHubRepositoryName("acme", "notes"), GitHubRepositoryName.FromRemoteUrl(url));

    [Fact]
    public void A_local_remote_names_no_repository() => Assert.Null(GitHubRepositoryName.FromRemoteUrl("file:///tmp/remote.git"));

    private static VersionPlan History(params (string Sha, string Subject, string Body)[] commits) =>
        new("head", new VersionTag("v1.2.0", new SemanticVersion(1, 2, 0), "base"), null,
            commits.Select(c => ConventionalCommit.Parse(c.Sha, c.Subject, c.Body)).ToList(), null);
}
