using Engine;

namespace BuildTests.Delivery.Local;

/// <summary>
/// The real service's image, built once per test run (publish and build take a minute or two) and pushed to the test
/// registry, so the platform runs it by digest as a deploy does; and a second digest of the same service (the first
/// with one more label), made in seconds, for tests that need two releases.
/// </summary>
public sealed class ServiceImages : IAsyncLifetime
{
    private readonly AbsolutePath root = TestPaths.NewTemporaryRoot();
    private readonly string repository = "delivery-test-" + Guid.NewGuid().ToString("N")[..8];

    internal ImageDigest First { get; private set; } = null!;

    internal ImageDigest Second { get; private set; } = null!;

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
        Docker.Build(
            new DockerBuild(root, dockerfile, root / $"image-id-{tag}.txt")
            {
                Tags = [$"{repository}:{tag}"],
                Arguments = new Dictionary<string, string> { ["BASE_IMAGE"] = Services.BaseImage },
            },
            cancellation);

    private async Task<ImageDigest> PushAsync(string tag, CancellationToken cancellation)
    {
        var remote = $"{Registry}/{repository}:{tag}";
        await Docker.Tag($"{repository}:{tag}", remote, cancellation);
        var config = (root / "docker-config").CreateDirectory();
        return ImageDigest.Parse($"{Registry}/{repository}@{await Docker.Push(remote, config, cancellation)}");
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceImageCollection : ICollectionFixture<ServiceImages>
{
    public const string Name = "the service image on the local platform";
}
