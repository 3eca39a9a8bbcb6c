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
        Assert.Equal(["1.0.0-dirty.1", "aaaaaaaaaaaa-dirty.1", "content-1"], ImageTags.For("1.0.0", commit, uncommittedChanges: true, "content-1"));
        Assert.Equal(["1.0.0", "content-1"], ImageTags.For("1.0.0", null, uncommittedChanges: false, "content-1"));
    }

    [Fact]
    public void Every_tag_of_a_build_from_uncommitted_changes_carries_its_content_hash_so_two_different_trees_at_one_commit_never_claim_one_tag()
    {
        var commit = new string('a', 40);

        var first = ImageTags.For("0.1.0-dev.185", commit, uncommittedChanges: true, "content-0123456789abcdef");
        var second = ImageTags.For("0.1.0-dev.185", commit, uncommittedChanges: true, "content-fedcba9876543210");

        Assert.Equal(["0.1.0-dev.185-dirty.0123456789abcdef", "aaaaaaaaaaaa-dirty.0123456789abcdef", "content-0123456789abcdef"], first);
        Assert.Empty(first.Intersect(second)); // the dev version is the same for both edits; its tag is not
        Assert.Empty(first.Intersect(ImageTags.For("0.1.0-dev.185", commit, uncommittedChanges: false, "content-1111111111111111")));
        // A release's number built from uncommitted changes is not that release: its tag never claims 1.0.0 (immutable).
        Assert.Equal("1.0.0-dirty.0123456789abcdef", ImageTags.For("1.0.0", commit, uncommittedChanges: true, "content-0123456789abcdef")[0]);
        Assert.Equal("1.3.0-rc.2-dirty.0123456789abcdef", ImageTags.For("1.3.0-rc.2", commit, uncommittedChanges: true, "content-0123456789abcdef")[0]);
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

    [Fact]
    public void The_content_tag_changes_with_the_version_and_commit_the_image_is_stamped_with_and_only_with_them()
    {
        var root = TestPaths.NewTemporaryRoot();
        try
        {
            File.WriteAllText(root / "Dockerfile", "FROM scratch\n");
            var recipe = new ImageRecipe("app", root / "Dockerfile", root, [root / "Dockerfile"], "base");
            string TagFor(ImageStamp stamp) => ContentTag.Compute(root, recipe.Inputs, ContentTag.Settings(recipe, root, "sha256:layer", stamp));
            var commit = new string('a', 40);

            Assert.Equal(TagFor(new("0.1.0", commit)), TagFor(new("0.1.0", commit))); // a rebuild of the same version and commit hits the cache
            Assert.NotEqual(TagFor(new("0.1.0", commit)), TagFor(new("0.2.0", commit)));
            Assert.NotEqual(TagFor(new("0.1.0", commit)), TagFor(new("0.1.0", new string('b', 40))));
            Assert.NotEqual(TagFor(new("0.1.0", commit)), TagFor(new("0.1.0", commit + "-dirty")));
            Assert.NotEqual(TagFor(new("0.1.0", commit)), TagFor(new("0.1.0", null)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_stamp_marks_uncommitted_changes_with_the_content_hash_as_the_tags_do_and_gives_msbuild_a_version_it_accepts()
    {
        var commit = new string('a', 40);
        const string content = "content-0123456789abcdef";

        var dirty = ImageStamp.For("0.1.0-dev.185", commit, uncommittedChanges: true, content);
        Assert.Equal(new ImageStamp("0.1.0-dev.185-dirty.0123456789abcdef", commit + "-dirty.0123456789abcdef"), dirty);
        Assert.NotEqual(dirty, ImageStamp.For("0.1.0-dev.185", commit, uncommittedChanges: true, "content-fedcba9876543210"));
        Assert.Equal(ImageTags.For("0.1.0-dev.185", commit, uncommittedChanges: true, content)[0], ImageTags.Sanitize(dirty.Version)); // /version and the tag agree
        Assert.Equal(new Dictionary<string, string> { ["Version"] = dirty.Version, ["SourceRevisionId"] = dirty.Revision! }, dirty.AssemblyProperties);
        Assert.Equal(new ImageStamp("1.0.0", commit), ImageStamp.For("1.0.0", commit, uncommittedChanges: false, content));
        Assert.Equal(new ImageStamp("1.0.0", null), ImageStamp.For("1.0.0", null, uncommittedChanges: true, content));
        Assert.Equal(new ImageStamp("1.0.0", commit + "-dirty"), ImageStamp.ForContentHash("1.0.0", commit, uncommittedChanges: true));
        Assert.Equal(new Dictionary<string, string> { ["Version"] = "1.3.0-rc.1", ["SourceRevisionId"] = commit }, ImageStamp.For("1.3.0-rc.1", commit, false, content).AssemblyProperties);
        Assert.Equal(new Dictionary<string, string> { ["InformationalVersion"] = "release-5" }, ImageStamp.For("release-5", null, false, content).AssemblyProperties); // MSBuild refuses it as Version
        Assert.Equal(new Dictionary<string, string> { ["APP_VERSION"] = "1.0.0", ["APP_COMMIT"] = "" }, ImageStamp.For("1.0.0", null, false, content).BuildArguments);
    }
}
