using Engine;

namespace BuildTests.Delivery.Local;

/// <summary>
/// The real service's image, built once per test run (publish and build take a minute or two) and pushed to the test
/// registry, so the platform runs it by digest as a deploy does; and a second digest of the same service (the first
/// with one more label), made in seconds, for tests that need two releases. Every test class that deploys shares it
/// through its <see cref="ServiceImages"/> fixture, so those classes can run side by side; it is removed from the
/// engine when the test process ends.
/// </summary>
internal sealed class ServiceImageBuild
{
    private static readonly Lazy<Task<ServiceImageBuild>> Shared = new(MakeAsync);

    private readonly AbsolutePath root = TestPaths.NewTemporaryRoot();
    private readonly string repository = "delivery-test-" + Guid.NewGuid().ToString("N")[..8];

    private ServiceImageBuild()
    {
    }

    public ImageDigest First { get; private set; } = null!;

    public ImageDigest Second { get; private set; } = null!;

    /// <summary>The run's images; the first caller builds them, the others wait for that build.</summary>
    public static Task<ServiceImageBuild> OfThisRunAsync() => Shared.Value;

    /// <summary>The first image with a label of its own: a digest no other test uses, under <paramref name="tag"/>.</summary>
    public async Task<ImageDigest> LabelledAsync(string tag)
    {
        File.WriteAllText(root / $"Dockerfile.{tag}", $"FROM {repository}:1\nLABEL delivery-test={tag}\n");
        await BuildAsync(tag, root / $"Dockerfile.{tag}", CancellationToken.None);
        return await PushAsync(tag, CancellationToken.None);
    }

    /// <summary>A labelled image's manifest deleted from the registry, and its tags from this engine.</summary>
    public async Task DeleteAsync(string tag, ImageDigest image)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"http://{Registry}/v2/{repository}/manifests/{image.Digest}");
        using var answer = await http.SendAsync(request);
        Assert.True(answer.IsSuccessStatusCode, $"the registry refused to delete {image}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        RemoveTags(tag);
    }

    /// <summary>A labelled image's tags removed from this engine (the registry keeps it).</summary>
    public void RemoveTags(string tag) => Images.FixtureImage.Docker("rmi", "--force", $"{repository}:{tag}", $"{Registry}/{repository}:{tag}");

    private static async Task<ServiceImageBuild> MakeAsync()
    {
        var build = new ServiceImageBuild();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => build.Remove();
        // Without the services the tests are skipped, or on CI fail on their first use of them, naming what is missing.
        if (!LocalPlatformFactAttribute.ServicesAreSet)
            return build;
        var cancellation = CancellationToken.None;
        await DotNet.PublishSelfContained(TestPaths.RepositoryRoot / "src" / "App" / "App.csproj", "linux-x64", build.root / "artifacts" / "image" / "publish", new Dictionary<string, string>(), cancellation);
        await build.BuildAsync("1", TestPaths.RepositoryRoot / "src" / "App" / "Dockerfile", cancellation);
        build.First = await build.PushAsync("1", cancellation);
        build.Second = await build.LabelledAsync("2");
        return build;
    }

    private void Remove()
    {
        try
        {
            RemoveTags("1");
            RemoveTags("2");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No engine (the tests were skipped), or the images are gone already.
        }

        Directory.Delete(root, recursive: true);
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
