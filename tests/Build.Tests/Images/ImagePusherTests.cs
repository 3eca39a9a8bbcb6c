namespace BuildTests.Images;

/// <summary>Pushing to a real registry: the digest recorded is the registry's, and a tag never moves.</summary>
public class ImagePusherTests
{
    [RegistryFact]
    public async Task The_recorded_digest_is_the_registrys_manifest_digest_for_every_tag()
    {
        using var fixture = new FixtureImage();
        var image = await fixture.BuildAsync();
        var registry = Services.Address(Services.Registry);

        var pushed = await fixture.Pusher().PushAsync(image, fixture.In(registry), CancellationToken.None);

        var digest = pushed.Digest!.Split('@')[1];
        Assert.Equal($"{registry}/{fixture.Repository}@{digest}", pushed.Digest);
        foreach (var tag in image.Tags)
            Assert.Equal(digest, await RegistryProbe.ManifestDigest(registry, fixture.Repository, tag));
    }

    [RegistryFact]
    public async Task Pushing_again_is_a_no_op_and_moving_a_tag_is_refused_before_anything_is_pushed()
    {
        using var fixture = new FixtureImage();
        var registry = Services.Address(Services.Registry);
        var destination = fixture.In(registry);
        var pusher = fixture.Pusher();
        var first = await pusher.PushAsync(await fixture.BuildAsync("1.0.0"), destination, CancellationToken.None);

        Assert.Equal(first.Digest, (await pusher.PushAsync(await fixture.BuildAsync("1.0.0"), destination, CancellationToken.None)).Digest);

        File.WriteAllText(fixture.Service / "hello.txt", "other content\n");
        var other = await fixture.BuildAsync("1.0.0");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pusher.PushAsync(other, destination, CancellationToken.None));

        Assert.StartsWith($"{registry}/{fixture.Repository}:1.0.0 already points to another image (sha256:", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Digest!.Split('@')[1], await RegistryProbe.ManifestDigest(registry, fixture.Repository, "1.0.0"));
        Assert.Null(await RegistryProbe.ManifestDigest(registry, fixture.Repository, other.ContentTag)); // nothing of it was pushed
    }

    [RegistryFact]
    public async Task A_development_versions_tag_moves_to_the_new_image()
    {
        using var fixture = new FixtureImage();
        var registry = Services.Address(Services.Registry);
        var destination = fixture.In(registry);
        var pusher = fixture.Pusher();
        await pusher.PushAsync(await fixture.BuildAsync("1.1.0-dev.2"), destination, CancellationToken.None);

        File.WriteAllText(fixture.Service / "hello.txt", "an uncommitted change\n");
        var changed = await pusher.PushAsync(await fixture.BuildAsync("1.1.0-dev.2"), destination, CancellationToken.None);

        Assert.Equal(changed.Digest!.Split('@')[1], await RegistryProbe.ManifestDigest(registry, fixture.Repository, "1.1.0-dev.2"));
    }

    [DockerFact]
    public async Task An_unreachable_registry_is_one_line_naming_it()
    {
        using var fixture = new FixtureImage();
        var image = await fixture.BuildAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Pusher().PushAsync(image, fixture.In("127.0.0.1:9"), CancellationToken.None));

        Assert.StartsWith("Cannot reach the registry at http://127.0.0.1:9/: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [RegistryFact]
    public async Task An_image_pushed_earlier_is_pulled_instead_of_built_on_another_machine()
    {
        using var fixture = new FixtureImage();
        var registry = fixture.In(Services.Address(Services.Registry));
        var pushed = await fixture.Pusher().PushAsync(await fixture.BuildAsync(), registry, CancellationToken.None);
        FixtureImage.Docker("rmi", "--force", $"{fixture.Repository}:1.2.3", pushed.LocalReference(pushed.ContentTag), $"{registry.RemoteRepository}:1.2.3", $"{registry.RemoteRepository}:{pushed.ContentTag}");

        var again = await new ImageBuilder(fixture.Root, fixture.Temp)
            .BuildAsync(fixture.Recipe with { CacheRegistry = _ => Task.FromResult<PushDestination?>(registry) }, "1.2.3", CancellationToken.None);

        Assert.True(again.CacheHit);
        Assert.Equal(pushed.ImageId, again.ImageId);
        Assert.Equal(1, fixture.Preparations); // pulled: neither published nor built
        Assert.Equal(pushed.ImageId, FixtureImage.Docker("image", "inspect", "--format", "{{.Id}}", $"{fixture.Repository}:1.2.3")); // the local tags again
    }
}
