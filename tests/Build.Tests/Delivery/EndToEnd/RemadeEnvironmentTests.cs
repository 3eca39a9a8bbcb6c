using System.Text.Json.Nodes;
using BuildTests.Delivery.Local;
using BuildTests.Images;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// The state folder outlives the local environment's root (it holds the router, per machine). A root made again
/// (local-environment.sh down --purge then up, or the root moved aside) has a new engine data folder and an empty
/// registry: the state of the one before is set aside, and the deploy is the new environment's first. In the same
/// environment a live release whose container and image are both gone is one line saying what is missing and what to do.
/// </summary>
[RunsLong(80)]
public sealed class RemadeEnvironmentTests(ServiceImages images) : IClassFixture<ServiceImages>
{
    [EngineRestartFact]
    public async Task A_state_from_a_previous_environment_is_set_aside_and_the_deploy_on_its_new_engine_and_registry_is_the_first()
    {
        await using var build = await LocalDeliveryBuild.CreateAsync();
        var earlier = await images.OneOffAsync();
        var earlierEnvironment = build.EnvironmentId;
        await using (var engine = await PrivateEngine.StartAsync())
        {
            var first = await build.RunAsync(new Dictionary<string, string> { ["DOCKER_HOST"] = engine.Host }, "DeployBlueGreen", "--image-digest", earlier.ToString());
            Assert.True(first.ExitCode == 0, first.ToString());
        }

        // The environment made again: its engine's data and its registry's copy of the live release are gone.
        await images.DeleteAsync(earlier);
        build.RemakeEnvironmentRoot();
        await using var newEngine = await PrivateEngine.StartAsync();
        var deploy = await build.RunAsync(new Dictionary<string, string> { ["DOCKER_HOST"] = newEngine.Host }, "DeployBlueGreen", "SmokeTest", "--image-digest", images.First.ToString());

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Equal((DeploymentOutcome.Deployed, Color.Blue, (Color?)null), (deploy.Written.Outcome, deploy.Written.ToColor, deploy.Written.FromColor));
        var archived = Assert.Single(Directory.GetFiles(build.Environment.StateDirectory / "archive"));
        var line = OneLine(deploy, "local: set aside the previous environment's state as ");
        Assert.Contains($"set aside the previous environment's state as {archived} (it was recorded in environment {earlierEnvironment[..8]}, while {build.EnvironmentRoot} is {build.EnvironmentId[..8]}", line, StringComparison.Ordinal);
        Assert.EndsWith("the deploy starts as this environment's first", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("--help", deploy.Output, StringComparison.Ordinal);
        Assert.Matches(@"SmokeTest\s+Succeeded\s+.*smoke test: 4 of 4 checks passed", deploy.Output);

        // Nothing lost: the archive is the earlier environment's state as it was; state.json is the new environment's.
        var old = JsonNode.Parse(File.ReadAllText(archived))!;
        Assert.Equal((earlierEnvironment, earlier.ToString()), (old["environmentId"]!.GetValue<string>(), old["live"]!["image"]!.GetValue<string>()));
        var now = JsonNode.Parse(File.ReadAllText(build.Environment.StateDirectory / "state.json"))!;
        Assert.Equal((build.EnvironmentId, images.First.ToString()), (now["environmentId"]!.GetValue<string>(), now["live"]!["image"]!.GetValue<string>()));
        Assert.Equal("blue", await build.Environment.ColorBehindAsync(build.Environment.Platform.PublicAddress));
    }

    [EndToEndFact]
    public async Task In_the_same_environment_a_live_release_gone_from_engine_and_registry_fails_the_deploy_in_one_line_saying_what_is_missing_and_what_to_do()
    {
        var gone = await images.OneOffAsync();
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(gone);
        FixtureImage.Docker("rm", "--force", build.Environment.Settings.ContainerName(Color.Blue));
        await images.DeleteAsync(gone);
        var state = build.Environment.StateDirectory / "state.json";

        var deploy = await build.RunAsync("DeployBlueGreen", "--image-digest", images.First.ToString());

        Assert.True(deploy.ExitCode == 1, deploy.ToString());
        var registry = gone.Repository.Split('/')[0];
        // The summary table and the list of warnings and errors repeat it, indented: the failure is the one line the target failed with.
        var line = OneLine(deploy, "DeployBlueGreen failed: ");
        Assert.Contains($"DeployBlueGreen failed: {build.Environment.Settings.Name}'s live release on blue cannot be started again: image {gone} is not on the Docker engine at ", line, StringComparison.Ordinal);
        Assert.EndsWith($"and its registry {registry} cannot give it (manifest unknown); push that image to {registry} again, or move {state} aside so that the next deploy is this environment's first", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("--help", deploy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("router applies", deploy.Output, StringComparison.Ordinal); // the Rollback after it finds traffic where it was
        Assert.Equal(gone.ToString(), (await build.Environment.Platform.ReadStateAsync(CancellationToken.None)).Live?.Image); // the same environment's state: kept
        Assert.False(Directory.Exists(build.Environment.StateDirectory / "archive"));

        // What the line says to do works: with the state moved aside the deploy is the environment's first.
        File.Move(state, state + ".aside");
        var again = await build.RunAsync("DeployBlueGreen", "--image-digest", images.First.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal((DeploymentOutcome.Deployed, Color.Blue), (again.Written.Outcome, again.Written.ToColor));
    }

    /// <summary>The one line of the run's output that starts with <paramref name="start"/>; the whole output when there is not exactly one.</summary>
    private static string OneLine(BuildRun run, string start)
    {
        var lines = run.Output.Split('\n').Where(l => l.StartsWith(start, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"{lines.Count} lines start with '{start}'; {run}");
        return lines[0];
    }
}
