namespace BuildTests.Release;

public class SemanticVersionTests
{
    [Fact]
    public void Versions_order_by_semver_precedence()
    {
        var ordered = new[] { "0.9.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0-rc.2", "1.0.0-rc.10", "1.0.0", "1.2.0", "1.10.0", "2.0.0" }
            .Select(SemanticVersion.Parse).ToList();

        Assert.Equal(ordered, ordered.AsEnumerable().Reverse().Order().ToList());
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3+build.5")]
    [InlineData("v1.2.3")]
    public void Text_that_is_no_version_is_refused(string text) => Assert.Null(SemanticVersion.TryParse(text));

    [Fact]
    public void Only_v_and_a_version_names_a_release_tag()
    {
        Assert.Equal(new SemanticVersion(1, 3, 0, "rc.1"), VersionTag.TryParse("v1.3.0-rc.1", "abc")?.Version);
        Assert.Null(VersionTag.TryParse("v-next", "abc"));
        Assert.Null(VersionTag.TryParse("1.3.0", "abc"));
    }
}
