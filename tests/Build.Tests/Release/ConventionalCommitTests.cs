namespace BuildTests.Release;

public class ConventionalCommitTests
{
    [Theory]
    [InlineData("feat: search", "", ChangeKind.Feature, null)]
    [InlineData("Feat(API): search", "", ChangeKind.Feature, "API")]
    [InlineData("fix(db)!: drop the old column", "", ChangeKind.Breaking, "db")]
    [InlineData("chore: tidy", "BREAKING CHANGE: the config file moved", ChangeKind.Breaking, null)]
    [InlineData("chore: tidy", "BREAKING-CHANGE: the config file moved", ChangeKind.Breaking, null)]
    [InlineData("perf: index notes", "", ChangeKind.Performance, null)]
    [InlineData("docs: readme", "", ChangeKind.None, null)]
    [InlineData("Update README.md (#14)", "* feat: something\n* fix: else", ChangeKind.None, null)]
    [InlineData("feat:missing space", "", ChangeKind.None, null)]
    public void The_kind_comes_from_the_subject_and_the_breaking_change_footer(string subject, string body, ChangeKind kind, string? scope)
    {
        var commit = ConventionalCommit.Parse("0123456789", subject, body);

        Assert.Equal(kind, commit.Kind);
        Assert.Equal(scope, commit.Scope);
    }

    [Fact]
    public void A_breaking_change_says_what_broke_from_the_footer_or_the_description()
    {
        Assert.Equal("the config file moved", ConventionalCommit.Parse("1", "feat: new config", "Details.\n\nBREAKING CHANGE: the config file moved").BreakingChange);
        Assert.Equal("drop the old column", ConventionalCommit.Parse("1", "fix(db)!: drop the old column", "").BreakingChange);
    }
}
