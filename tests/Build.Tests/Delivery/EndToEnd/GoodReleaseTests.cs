using System.Text.Json;
using System.Text.RegularExpressions;
using BuildTests.Delivery.Local;
using TestSupport;
using Xunit.Abstractions;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>./build.sh DeployBlueGreen and Rollback on the local platform, as a user runs them: a good release goes live, and goes back.</summary>
public sealed class GoodReleaseTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    [EndToEndFact]
    public async Task A_good_release_goes_live_through_10_50_100_Rollback_flips_back_at_once_and_a_failed_SmokeTest_rolls_back_by_itself_while_users_see_no_failed_request()
    {
        await using var build = await LocalDeliveryBuild.CreateAsync();
        using var webhook = new LocalHttpServer(_ => new LocalHttpServer.Answer(200, "ok"));
        var publicAddress = build.Environment.Platform.PublicAddress;

        var first = await build.RunAsync("DeployBlueGreen", "--image-digest", images.First.ToString());

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal((DeploymentOutcome.Deployed, Color.Blue, (Color?)null), (first.Written.Outcome, first.Written.ToColor, first.Written.FromColor));
        Assert.Equal([100], first.Written.Steps.Select(s => s.Percent)); // nothing to shift from: all at once
        Assert.Equal(Color.Blue, await LiveColor.AssertOneAsync(build.Environment));

        BuildRun second;
        await using (var users = new PublicTraffic(publicAddress))
        {
            await users.FlowingAsync();
            second = await build.RunAsync("DeployBlueGreen", "SmokeTest", "--image-digest", images.Second.ToString(), "--deploy-webhook-url", new Uri(webhook.Address, "hook").ToString());
            await users.StopAfterAsync(TimeSpan.FromSeconds(1));
            output.WriteLine($"deploy: {users}");
            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Empty(users.Failures);
            Assert.True(users.RequestsPerSecond >= 50, users.ToString());
            Assert.True(users.ByColor.GetValueOrDefault("blue") > 0 && users.ByColor.GetValueOrDefault("green") > 0, users.ToString());
        }

        var record = second.Written;
        Assert.Equal((DeploymentOutcome.Deployed, "deploy", Color.Blue, Color.Green, 100), (record.Outcome, record.Action, record.FromColor, record.ToColor, record.TrafficPercent));
        Assert.Equal(images.Second.ToString(), record.Image);
        Assert.Equal([10, 50, 100], record.Steps.Select(s => s.Percent));
        Assert.All(record.Steps, step => Assert.True(step.Seconds >= 2 && step.Analysis.Count > 0, $"step {step.Percent}% took {step.Seconds} s with {step.Analysis.Count} measurements"));
        Assert.Equal(["preflight", "stage", "verify", "shift", "finalize"], record.Phases.Select(p => p.Phase));
        Assert.True(record.ConfiguredWaitSeconds >= 6, $"configured waits {record.ConfiguredWaitSeconds} s: three bakes of 2 s");
        Assert.Contains("step 50%: blue 50% / green 50%", second.Output, StringComparison.Ordinal);
        Assert.Contains($"deployed {images.Second.Short} to green, 100%", second.Output, StringComparison.Ordinal);
        Assert.Matches($@"SmokeTest\s+Succeeded\s+.*smoke test: 4 of 4 checks passed against {publicAddress}", second.Output);
        Assert.Equal(Color.Green, await LiveColor.AssertOneAsync(build.Environment));
        Assert.Equal(ColorState.Running, (await build.Environment.Platform.ObserveAsync(Color.Blue, CancellationToken.None)).State); // standing by
        var notice = Assert.Single(webhook.Received);
        using (var json = JsonDocument.Parse(notice.Body))
            Assert.StartsWith($"[local] deployed {images.Second.Short} to green, 100%", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);

        BuildRun rollback;
        await using (var users = new PublicTraffic(publicAddress))
        {
            await users.FlowingAsync();
            rollback = await build.RunAsync("Rollback");
            await users.StopAfterAsync(TimeSpan.FromSeconds(1));
            output.WriteLine($"rollback: {users}");
            Assert.True(rollback.ExitCode == 0, rollback.ToString());
            Assert.Empty(users.Failures);
        }

        Assert.Equal((DeploymentOutcome.RolledBack, "rollback", Color.Blue), (rollback.Written.Outcome, rollback.Written.Action, rollback.Written.ToColor));
        Assert.Equal(images.First.ToString(), rollback.Written.Image);
        Assert.Contains(rollback.Written.Events, e => e.Contains("all traffic flipped back to blue", StringComparison.Ordinal));
        Assert.DoesNotContain("staging", rollback.Output, StringComparison.Ordinal); // a flip, not a redeploy
        Assert.Equal(Color.Blue, await LiveColor.AssertOneAsync(build.Environment));

        // Live again on green, then the smoke tests fail (here: their URL answers nothing): the Rollback they trigger goes back to blue.
        BuildRun smokeFailed;
        await using (var users = new PublicTraffic(publicAddress))
        {
            await users.FlowingAsync();
            smokeFailed = await build.RunAsync("DeployBlueGreen", "SmokeTest", "--image-digest", images.Second.ToString(), "--smoke-test-url", $"http://127.0.0.1:{ClosedPort.Find()}/");
            await users.StopAfterAsync(TimeSpan.FromSeconds(1));
            output.WriteLine($"deploy, failed smoke test and rollback: {users}");
            Assert.Empty(users.Failures);
        }

        Assert.True(smokeFailed.ExitCode == 1, smokeFailed.ToString());
        Assert.Contains($"deployed {images.Second.Short} to green, 100%", smokeFailed.Output, StringComparison.Ordinal);
        Assert.Contains("SmokeTest failed: smoke test failed: live: GET http://127.0.0.1:", smokeFailed.Output, StringComparison.Ordinal);
        Assert.Matches($@"Rollback\s+Succeeded\s+.*rolled back to {Regex.Escape(images.First.Short)} on blue", smokeFailed.Output);
        Assert.Equal(DeploymentOutcome.RolledBack, smokeFailed.Written.Outcome);
        Assert.Equal(Color.Blue, await LiveColor.AssertOneAsync(build.Environment));

        var overhead = record.Seconds - record.ConfiguredWaitSeconds;
        output.WriteLine($"deploy: {record.Seconds:0.00} s, of which configured waits {record.ConfiguredWaitSeconds:0.00} s: overhead {overhead:0.00} s (goal < 5 s); "
            + $"phases {string.Join(", ", record.Phases.Select(p => $"{p.Phase} {p.Seconds:0.00} s"))}; build process {second.Took.TotalSeconds:0.0} s");
        output.WriteLine($"rollback flip: {rollback.Written.Seconds:0.00} s (goal < 2 s); build process {rollback.Took.TotalSeconds:0.0} s");
        // Figures only: speed is judged by build/benchmarks/delivery.sh, on a machine doing nothing else.
    }
}
