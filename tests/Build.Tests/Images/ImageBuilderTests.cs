namespace BuildTests.Images;

/// <summary>BuildImage's builder against the real Docker engine: build, cache hit, rebuild after a change.</summary>
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

        var warm = await fixture.BuildAsync("1.2.4");
        Assert.True(warm.CacheHit);
        Assert.Equal(cold.ImageId, warm.ImageId);
        Assert.Equal(1, fixture.Preparations); // the cache hit neither published nor built
        Assert.Equal(cold.ImageId, FixtureImage.Docker("image", "inspect", "--format", "{{.Id}}", $"{fixture.Repository}:1.2.4"));

        File.WriteAllText(fixture.Service / "hello.txt", "hello again\n");
        var changed = await fixture.BuildAsync("1.2.4");
        Assert.False(changed.CacheHit);
        Assert.NotEqual(cold.ContentTag, changed.ContentTag);
        Assert.NotEqual(cold.ImageId, changed.ImageId);
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
