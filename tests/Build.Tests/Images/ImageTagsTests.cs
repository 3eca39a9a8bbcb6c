namespace BuildTests.Images;

public class ImageTagsTests
{
    [Theory]
    [InlineData("1.2.0", "1.2.0")]
    [InlineData("1.2.0+build.5", "1.2.0-build.5")]
    [InlineData("v1.2.0-3-gabc1234", "v1.2.0-3-gabc1234")]
    [InlineData(".hidden", "hidden")]
    [InlineData("  ", "0.0.0-dev")]
    public void A_version_becomes_a_valid_tag(string version, string tag) => Assert.Equal(tag, ImageTags.Sanitize(version));

    [Fact]
    public void Tags_are_version_short_commit_and_content_with_uncommitted_changes_marked()
    {
        var commit = new string('a', 40);

        Assert.Equal(["1.0.0", "aaaaaaaaaaaa", "content-1"], ImageTags.For("1.0.0", commit, uncommittedChanges: false, "content-1"));
        Assert.Equal(["1.0.0", "aaaaaaaaaaaa-dirty", "content-1"], ImageTags.For("1.0.0", commit, uncommittedChanges: true, "content-1"));
        Assert.Equal(["1.0.0", "content-1"], ImageTags.For("1.0.0", null, uncommittedChanges: false, "content-1"));
    }

    [Fact]
    public void The_content_tag_follows_file_contents_and_settings_but_not_where_the_checkout_is()
    {
        var settings = new Dictionary<string, string> { ["base-image"] = "sha256:1" };
        string TagIn(string text, IReadOnlyDictionary<string, string> values)
        {
            var root = TestPaths.NewTemporaryRoot();
            try
            {
                File.WriteAllText(root / "a.txt", text);
                return ContentTag.Compute(root, [root / "a.txt"], values);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        Assert.Equal(TagIn("x", settings), TagIn("x", settings));
        Assert.NotEqual(TagIn("x", settings), TagIn("y", settings));
        Assert.NotEqual(TagIn("x", settings), TagIn("x", new Dictionary<string, string> { ["base-image"] = "sha256:2" }));
        Assert.Matches("^content-[0-9a-f]{16}$", TagIn("x", settings));
    }
}
