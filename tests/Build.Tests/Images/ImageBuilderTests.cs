namespace BuildTests.Images;

/// <summary>BuildImage's builder against the real Docker engine: build, cache hit, rebuild after a change of input or stamp.</summary>
public class ImageBuilderTests
{
    [DockerFact]
    public async Task Builds_once_then_hits_the_cache_until_an_input_changes()
    {
        using var fixture = new FixtureImage();

        var cold = await fixture.BuildAsync();
        Assert.False(cold.CacheHit);
        Assert.StartsWith("sha256:", cold.ImageId, StringComparison.Ordinal);
        Assert.Equal(["1.2.3", cold.ContentTag], cold.Tags); // no git repository: no commit tag
        Assert.Equal(cold.ImageId, FixtureImage.Docker("image", "inspect", "--format", "{{.Id}}", $"{fixture.Repository}:1.2.3"));
        Assert.Equal("1.2.3", FixtureImage.Docker("image", "inspect", "--format", "{{index .Config.Labels \"org.opencontainers.image.version\"}}", cold.LocalReference(cold.ContentTag)));
        Assert.Equal("1654", FixtureImage.Docker("image", "inspect", "--format", "{{.Config.User}}", cold.LocalReference(cold.ContentTag)));

        var warm = await fixture.BuildAsync();
        Assert.True(warm.CacheHit);
        Assert.Equal(cold.ImageId, warm.ImageId);
        Assert.Equal(1, fixture.Preparations); // the cache hit neither published nor built

        File.WriteAllText(fixture.Service / "hello.txt", "hello again\n");
        var changed = await fixture.BuildAsync();
        Assert.False(changed.CacheHit);
        Assert.NotEqual(cold.ContentTag, changed.ContentTag);
        Assert.NotEqual(cold.ImageId, changed.ImageId);
    }

    [DockerFact]
    public async Task The_image_carries_its_version_and_commit_so_a_new_one_rebuilds_and_the_same_one_hits_the_cache()
    {
        using var fixture = new FixtureImage();
        var first = fixture.Commit("feat: hello");

        var built = await fixture.BuildAsync("0.1.0");
        Assert.Equal(new ImageStamp("0.1.0", first), Assert.Single(fixture.Stamps)); // what the publish stamps the assembly with
        Assert.Equal("0.1.0", FixtureImage.ImageEnvironment(built.LocalReference(built.ContentTag), "APP_VERSION"));
        Assert.Equal(first, FixtureImage.ImageEnvironment(built.LocalReference(built.ContentTag), "APP_COMMIT"));
        Assert.True((await fixture.BuildAsync("0.1.0")).CacheHit);

        var newVersion = await fixture.BuildAsync("0.2.0");
        Assert.False(newVersion.CacheHit); // a cached 0.1.0 image would report 0.1.0
        Assert.Equal("0.2.0", FixtureImage.ImageEnvironment(newVersion.LocalReference(newVersion.ContentTag), "APP_VERSION"));

        var second = fixture.Commit("docs: nothing the image holds changes");
        var newCommit = await fixture.BuildAsync("0.2.0");
        Assert.False(newCommit.CacheHit);
        Assert.Equal(second, FixtureImage.ImageEnvironment(newCommit.LocalReference(newCommit.ContentTag), "APP_COMMIT"));
        Assert.Equal(second, FixtureImage.Docker("image", "inspect", "--format", "{{index .Config.Labels \"org.opencontainers.image.revision\"}}", newCommit.LocalReference(newCommit.ContentTag)));
        Assert.Equal(3, fixture.Preparations);
    }

    [DockerFact]
    public async Task Two_different_uncommitted_trees_at_one_commit_are_two_images_that_say_so_on_version_and_in_every_tag()
    {
        using var fixture = new FixtureImage();
        var commit = fixture.Commit("feat: hello");

        File.WriteAllText(fixture.Service / "hello.txt", "first edit\n");
        var first = await fixture.BuildAsync("0.1.0-dev.1");
        File.WriteAllText(fixture.Service / "hello.txt", "second edit\n");
        var second = await fixture.BuildAsync("0.1.0-dev.1");
        File.WriteAllText(fixture.Service / "new.txt", "an untracked file the image is made from\n");
        var untracked = await fixture.BuildAsync("0.1.0-dev.1");

        foreach (var image in new[] { first, second, untracked })
        {
            var hash = image.ContentTag[ContentTag.Prefix.Length..];
            Assert.Equal(($"0.1.0-dev.1-dirty.{hash}", $"{commit}-dirty.{hash}"), (image.Version, image.Revision));
            Assert.Equal([$"0.1.0-dev.1-dirty.{hash}", $"{commit[..12]}-dirty.{hash}", image.ContentTag], image.Tags);
            Assert.Equal(image.Revision, FixtureImage.ImageEnvironment(image.LocalReference(image.ContentTag), "APP_COMMIT"));
            Assert.Equal(image.Version, FixtureImage.ImageEnvironment(image.LocalReference(image.ContentTag), "APP_VERSION"));
        }

        Assert.Equal(9, new[] { first, second, untracked }.SelectMany(i => i.Tags).Distinct().Count()); // no tag shared
        Assert.Equal(3, new[] { first.Revision, second.Revision, untracked.Revision }.Distinct().Count());
        Assert.True((await fixture.BuildAsync("0.1.0-dev.1")).CacheHit); // the same uncommitted tree again is the same image

        fixture.Commit("feat: the edits");
        var committed = await fixture.BuildAsync("0.1.0-dev.2");
        Assert.DoesNotContain("dirty", committed.Revision, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task Build_output_folders_are_not_inputs()
    {
        using var fixture = new FixtureImage();
        var first = await fixture.BuildAsync();

        (fixture.Service / "obj").CreateDirectory();
        File.WriteAllText(fixture.Service / "obj" / "project.assets.json", "{}");
        var second = await fixture.BuildAsync();

        Assert.True(second.CacheHit);
        Assert.Equal(first.ContentTag, second.ContentTag);
    }
}
