using BuildTests.Delivery.Local;
using BuildTests.Images;
using Xunit.Abstractions;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// ./build.sh DeployBlueGreen after the live container ended behind the pipeline's back (killed by hand, as an engine
/// restart or a reboot leaves it): the state still names the live color, and the deploy must believe what runs.
/// </summary>
public sealed class StoppedLiveColorTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    [EndToEndFact]
    public async Task A_live_container_killed_by_hand_is_started_again_by_the_next_deploy_and_a_steady_client_sees_the_service_back()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        var container = build.Environment.Settings.ContainerName(Color.Blue);
        // The live color comes back by itself when the engine restarts; only a stop by the pipeline (or by hand) keeps it down.
        Assert.Equal("unless-stopped", FixtureImage.Docker("inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", container).Trim());

        FixtureImage.Docker("kill", container);
        Assert.Equal(ColorState.Failed, (await build.Environment.Platform.ObserveAsync(Color.Blue, CancellationToken.None)).State);

        var again = await build.RunAsync("DeployBlueGreen", "SmokeTest", "--image-digest", images.First.ToString());

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(DeploymentOutcome.AlreadyLive, again.Written.Outcome);
        Assert.Matches($@"the live color blue \(.+\) was not serving \({container} exited with exit code 137\): starting it again", again.Output);
        Assert.Contains("serves again", again.Output, StringComparison.Ordinal);
        Assert.Matches(@"SmokeTest\s+Succeeded\s+.*smoke test: 4 of 4 checks passed", again.Output);
        Assert.Equal(Color.Blue, await LiveColor.AssertOneAsync(build.Environment));
        await using var users = new PublicTraffic(build.Environment.Platform.PublicAddress);
        await users.FlowingAsync();
        await users.StopAfterAsync(TimeSpan.FromSeconds(2));
        output.WriteLine($"after the repair: {users}");
        Assert.Empty(users.Failures);
        Assert.True(users.AnsweredBy("blue") > 0, users.ToString());
    }
}
