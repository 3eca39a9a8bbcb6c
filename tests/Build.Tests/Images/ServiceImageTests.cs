using System.Text.Json;
using BuildTests.Cli;
using BuildTests.Release;

namespace BuildTests.Images;

/// <summary>
/// `./build.sh BuildImage` on a copy of the real service in a git repository of its own: the image it builds reports,
/// on /version, the version and commit BuildImage computed, and building the same commit again is a cache hit.
/// </summary>
[RunsLong(80)]
public class ServiceImageTests
{
    [DockerFact]
    public async Task The_built_image_answers_version_with_the_version_and_commit_BuildImage_computed()
    {
        using var build = new CompiledBuild { Timeout = TimeSpan.FromMinutes(10) }; // a publish and an image build on a shared 2-core machine
        using var repository = new TestRepository(build.Root);
        ServiceSources.CopyInto(build.Root);
        var commit = repository.Commit("feat: the notes service");
        var imageRepository = "test-" + Guid.NewGuid().ToString("N")[..10];
        string[] arguments = ["BuildImage", "--image-repository", imageRepository, "--base-image", Services.BaseImage];
        try
        {
            var (code, output) = await build.RunAsync(TestRepository.IsolatedEnvironment, arguments);
            Assert.True(code == 0, output);
            var (version, revision, contentTag) = ReadRecord(build.Root);
            Assert.Equal("0.1.0-dev.2", version); // towards the first release (0.1.0), two commits in (the test repository's first, then ours): a dev pre-release
            Assert.Equal(commit, revision);

            var image = $"{imageRepository}:{contentTag}";
            Assert.Equal(("0.1.0-dev.2", commit, "blue"), await VersionOf(image, new Dictionary<string, string> { ["APP_COLOR"] = "blue" }));
            // The image's APP_VERSION and APP_COMMIT blanked: the service reads the same from its assembly's stamp.
            Assert.Equal(("0.1.0-dev.2", commit, "none"), await VersionOf(image, new Dictionary<string, string> { ["APP_VERSION"] = "", ["APP_COMMIT"] = "" }));

            var (again, againOutput) = await build.RunAsync(TestRepository.IsolatedEnvironment, arguments);
            Assert.True(again == 0, againOutput);
            Assert.Contains($"cache hit {imageRepository}:", againOutput, StringComparison.Ordinal); // same version, same commit
            Assert.Equal(contentTag, ReadRecord(build.Root).ContentTag);
        }
        finally
        {
            RemoveImages(imageRepository);
        }
    }

    private static async Task<(string? Version, string? Commit, string? Color)> VersionOf(string image, IReadOnlyDictionary<string, string> environment)
    {
        await using var service = ServiceContainer.Start(image, environment);
        var answer = await service.VersionAsync();
        return (answer.GetProperty("version").GetString(), answer.GetProperty("commit").GetString(), answer.GetProperty("color").GetString());
    }

    private static (string? Version, string? Revision, string ContentTag) ReadRecord(string root)
    {
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "artifacts", "image.json")));
        var json = record.RootElement;
        return (json.GetProperty("version").GetString(), json.GetProperty("revision").GetString(), json.GetProperty("contentTag").GetString()!);
    }

    internal static void RemoveImages(string repository)
    {
        var references = FixtureImage.Docker("image", "ls", "--format", "{{.Repository}}:{{.Tag}}", repository).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (references.Length > 0)
            FixtureImage.Docker(["rmi", "--force", .. references]);
    }
}
