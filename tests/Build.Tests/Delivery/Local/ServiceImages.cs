using Engine;

namespace BuildTests.Delivery.Local;

/// <summary>
/// The real service's image, built once per test run (publish and build take a minute or two) and pushed to the test
/// registry, so the platform runs it by digest as a deploy does; and a second digest of the same service (the first
/// with one more label), made in seconds, for tests that need two releases. One-off digests are for a test that
/// deletes its release from the registry and the engine.
/// </summary>
public sealed class ServiceImages : IAsyncLifetime
{
    private readonly AbsolutePath root = TestPaths.NewTemporaryRoot();
    private readonly string repository = "delivery-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<ImageDigest, string> oneOffTags = [];

    internal ImageDigest First { get; private set; } = null!;

    internal ImageDigest Second { get; private set; } = null!;

    /// <summary>A digest no other test uses (the first image with a label of its own), which <see cref="DeleteAsync"/> may remove.</summary>
    internal async Task<ImageDigest> OneOffAsync()
    {
        var tag = "one-off-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(root / $"Dockerfile.{tag}", $"FROM {repository}:1\nLABEL delivery-test={tag}\n");
        await BuildAsync(tag, root / $"Dockerfile.{tag}", CancellationToken.None);
        var image = await PushAsync(tag, CancellationToken.None);
        oneOffTags[image] = tag;
        return image;
    }

    /// <summary>
    /// A one-off release gone as from an environment made again: its manifest deleted from the registry, and its tags
    /// from this engine (no container may use it), so nothing can start it any more.
    /// </summary>
    internal async Task DeleteAsync(ImageDigest image)
    {
        var tag = oneOffTags[image];
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"http://{Registry}/v2/{repository}/manifests/{image.Digest}");
        using var answer = await http.SendAsync(request);
        Assert.True(answer.IsSuccessStatusCode, $"the registry refused to delete {image}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        Images.FixtureImage.Docker("rmi", "--force", $"{repository}:{tag}", $"{Registry}/{repository}:{tag}");
        oneOffTags.Remove(image);
    }

    public async Task InitializeAsync()
    {
        // Without the services the tests are skipped, or on CI fail on their first use of them, naming what is missing.
        if (!LocalPlatformFactAttribute.ServicesAreSet)
            return;
        var cancellation = CancellationToken.None;
        await DotNet.PublishSelfContained(TestPaths.RepositoryRoot / "src" / "App" / "App.csproj", "linux-x64", root / "artifacts" / "image" / "publish", new Dictionary<string, string>(), cancellation);
        await BuildAsync("1", TestPaths.RepositoryRoot / "src" / "App" / "Dockerfile", cancellation);
        First = await PushAsync("1", cancellation);

        File.WriteAllText(root / "Dockerfile.second", $"FROM {repository}:1\nLABEL delivery-test=second\n");
        await BuildAsync("2", root / "Dockerfile.second", cancellation);
        Second = await PushAsync("2", cancellation);
    }

    public Task DisposeAsync()
    {
        try
        {
            Images.FixtureImage.Docker("rmi", "--force", $"{repository}:1", $"{repository}:2", $"{Registry}/{repository}:1", $"{Registry}/{repository}:2");
            foreach (var tag in oneOffTags.Values)
                Images.FixtureImage.Docker("rmi", "--force", $"{repository}:{tag}", $"{Registry}/{repository}:{tag}");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No engine (the tests were skipped), or the images are gone already.
        }

        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    private static string Registry => Environment.GetEnvironmentVariable(Services.Registry) ?? "";

    private Task BuildAsync(string tag, AbsolutePath dockerfile, CancellationToken cancellation) =>
        DockerCli.Build(
            new DockerBuild(root, dockerfile, root / $"image-id-{tag}.txt")
            {
                Tags = [$"{repository}:{tag}"],
                Arguments = new Dictionary<string, string> { ["BASE_IMAGE"] = Services.BaseImage },
            },
            cancellation);

    private async Task<ImageDigest> PushAsync(string tag, CancellationToken cancellation)
    {
        var remote = $"{Registry}/{repository}:{tag}";
        await DockerCli.Tag($"{repository}:{tag}", remote, cancellation);
        var config = (root / "docker-config").CreateDirectory();
        return ImageDigest.Parse($"{Registry}/{repository}@{await DockerCli.Push(remote, config, cancellation)}");
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceImageCollection : ICollectionFixture<ServiceImages>
{
    public const string Name = "the service image on the local platform";
}
