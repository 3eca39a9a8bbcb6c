using System.Net.Http.Json;
using BuildTests.Images;
using BuildTests.Release;
using Xunit.Abstractions;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// The loop of a developer on the local environment: change the service, deploy, change it again without committing,
/// deploy again. Each deploy builds, pushes and goes live, and /version tells the two apart.
/// </summary>
[RunsLong(200)]
public sealed class UncommittedChangesDeployTests(ITestOutputHelper output)
{
    [EndToEndFact]
    public async Task Two_different_uncommitted_edits_in_a_row_each_deploy_and_go_live_and_version_tells_them_apart()
    {
        // Each run publishes the service and builds its image: minutes on a shared 2-core machine.
        await using var build = await LocalDeliveryBuild.CreateAsync(timeout: TimeSpan.FromMinutes(10));
        using var repository = new TestRepository(build.Root);
        ServiceSources.CopyInto(build.Root);
        var commit = repository.Commit("feat: the notes service");
        var imageRepository = "test-" + Guid.NewGuid().ToString("N")[..10];
        var program = Path.Combine(build.Root, "src", "App", "Program.cs");
        var versions = new List<(string Version, string Commit)>();
        try
        {
            foreach (var edit in new[] { "first", "second" })
            {
                File.AppendAllText(program, $"// {edit} uncommitted edit\n");
                var run = await build.RunAsync(
                    TestRepository.IsolatedEnvironment,
                    "BuildImage", "PushEcr", "DeployBlueGreen", "SmokeTest",
                    "--image-registry", "Local", "--local-registry", Services.Address(Services.Registry),
                    "--image-repository", imageRepository, "--base-image", Services.BaseImage);
                output.WriteLine($"{edit} edit: {run.Took.TotalSeconds:0} s");

                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.Equal(DeploymentOutcome.Deployed, run.Written.Outcome);
                var live = await LiveColor.AssertOneAsync(build.Environment);
                var reported = (await build.Environment.Http.GetFromJsonAsync<Dictionary<string, string>>(new Uri(build.Environment.Platform.PublicAddress, "version")))!;
                Assert.Equal(live.Name(), reported["color"]);
                versions.Add((reported["version"], reported["commit"]));
            }
        }
        finally
        {
            ServiceImageTests.RemoveImages(imageRepository);
        }

        Assert.All(versions, v => Assert.StartsWith(commit + "-dirty.", v.Commit, StringComparison.Ordinal));
        Assert.All(versions, v => Assert.Matches(@"^0\.1\.0-dev\.2-dirty\.[0-9a-f]{16}$", v.Version));
        Assert.NotEqual(versions[0], versions[1]);
        Assert.NotEqual(versions[0].Commit, versions[1].Commit);
    }
}
