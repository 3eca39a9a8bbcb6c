using System.Diagnostics;
using BuildTests.Delivery.Local;
using Xunit.Abstractions;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// The engine restarts under a deployed environment (a reboot, or local-environment.sh down then up): the live color
/// comes back by itself (its restart policy), users see the service again without any build, and the next deploy
/// finds it serving. On an engine of the test's own, so no other test loses its engine.
/// </summary>
public sealed class EngineRestartTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    [EngineRestartFact]
    public async Task After_the_engine_restarts_the_live_color_serves_again_by_itself_and_the_next_deploy_goes_on_as_usual()
    {
        await using var engine = await PrivateEngine.StartAsync();
        await using var build = await LocalDeliveryBuild.CreateAsync();
        var onThatEngine = new Dictionary<string, string> { ["DOCKER_HOST"] = engine.Host };
        var first = await build.RunAsync(onThatEngine, "DeployBlueGreen", "--image-digest", images.First.ToString());
        Assert.True(first.ExitCode == 0, first.ToString());
        var publicAddress = build.Environment.Platform.PublicAddress;

        await engine.RestartAsync();
        var back = await UntilAnsweringAsync(publicAddress, TimeSpan.FromSeconds(60));
        output.WriteLine($"the service answered again {back.TotalSeconds:0.0} s after the engine did");

        await using (var users = new PublicTraffic(publicAddress))
        {
            await users.FlowingAsync();
            var again = await build.RunAsync(onThatEngine, "DeployBlueGreen", "SmokeTest", "--image-digest", images.First.ToString());
            await users.StopAfterAsync(TimeSpan.FromSeconds(1));
            output.WriteLine($"while the deploy after the restart ran: {users}");

            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal(DeploymentOutcome.AlreadyLive, again.Written.Outcome);
            Assert.Contains("is already live on blue: nothing to do", again.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("starting it again", again.Output, StringComparison.Ordinal);
            Assert.Matches(@"SmokeTest\s+Succeeded\s+.*smoke test: 4 of 4 checks passed", again.Output);
            Assert.Empty(users.Failures);
            Assert.True(users.AnsweredBy("blue") > 0, users.ToString());
        }

        var change = await build.RunAsync(onThatEngine, "DeployBlueGreen", "--image-digest", images.Second.ToString());
        Assert.True(change.ExitCode == 0, change.ToString());
        Assert.Equal(DeploymentOutcome.Deployed, change.Written.Outcome);
        Assert.Equal("green", await build.Environment.ColorBehindAsync(publicAddress));
    }

    private static async Task<TimeSpan> UntilAnsweringAsync(Uri publicAddress, TimeSpan deadline)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(publicAddress, "health/ready"));
                if (answer.IsSuccessStatusCode)
                    return clock.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not back yet.
            }

            if (clock.Elapsed > deadline)
                throw new Xunit.Sdk.XunitException($"the live color did not serve again within {deadline.TotalSeconds:0} s of the engine's restart, without any build");
            await Task.Delay(200);
        }
    }
}

/// <summary>As <see cref="EndToEndFactAttribute"/>, and the machine lets the test start an engine of its own (root, dockerd); on CI nothing is skipped.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineRestartFactAttribute : FactAttribute
{
    public EngineRestartFactAttribute() =>
        Skip = EndToEndFactAttribute.Missing() ?? (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? null : PrivateEngine.Missing());
}
