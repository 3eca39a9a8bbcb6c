using System.Net;
using System.Net.Sockets;
using BuildTests.Delivery.Local;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// What stops ./build.sh DeployBlueGreen before it changes anything: one clear line saying what is wrong, a non-zero
/// exit code (2 for a bad option, before anything runs), no container started, the state, the lock and the router as they were.
/// </summary>
public sealed class BadDeployInputTests(ServiceImages images) : IClassFixture<ServiceImages>
{
    [EndToEndTheory]
    [InlineData("error: Unknown profile 'nosuch': there is no .nuke/parameters.nosuch.json (profiles: local).", "--environment", "nosuch")]
    [InlineData("error: Invalid value 'app:latest' for parameter ImageDigest (--image-digest, from command line): 'app:latest' is not an image digest", "--image-digest", "app:latest")]
    [InlineData("error: Invalid value '10,abc,100' for parameter TrafficSteps (--traffic-steps, from command line): traffic steps '10,abc,100': 'abc' is not a whole percentage", "--traffic-steps", "10,abc,100")]
    [InlineData("error: Invalid value '50,10,100' for parameter TrafficSteps (--traffic-steps, from command line): traffic steps '50,10,100': 10 does not increase on 50", "--traffic-steps", "50,10,100")]
    [InlineData("error: Invalid value '10,150' for parameter TrafficSteps (--traffic-steps, from command line): traffic steps '10,150': 150 is outside 1–100", "--traffic-steps", "10,150")]
    [InlineData("error: Invalid value (secret value) for parameter DeployWebhookUrl (--deploy-webhook-url, from command line): expected an absolute URL", "--deploy-webhook-url", "hooks.example/T0-secret-path")]
    public async Task A_bad_option_is_a_usage_error_in_one_line_before_anything_runs(string expected, string option, string value)
    {
        await using var build = await LocalDeliveryBuild.CreateAsync(withDatabase: false);
        string[] image = option == "--image-digest" ? [] : ["--image-digest", images.First.ToString()];

        var run = await build.RunAsync(["DeployBlueGreen", .. image, option, value]);

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("T0-secret-path", run.Output, StringComparison.Ordinal);
        await AssertNothingStartedAsync(build);
    }

    [EndToEndFact]
    public async Task A_lock_held_by_a_running_deploy_stops_the_build_naming_the_holder_and_changes_nothing()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        var now = DateTimeOffset.UtcNow;
        // Held as the platform holds it, by a process that is alive on this host: this test's.
        var holder = new DeployLock("someone else", "run-42", Environment.MachineName, Environment.ProcessId, now, now.AddMinutes(30));
        Assert.Null(await build.Environment.Platform.TryAcquireLockAsync(holder, null, CancellationToken.None));
        var before = Snapshot(build);

        var run = await build.RunAsync("DeployBlueGreen", "--image-digest", images.Second.ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        var reason = $"local is being deployed by {holder.Describe()}; wait for it, or, once it has expired, pass --take-over-lock";
        Assert.Contains($"DeployBlueGreen failed: {reason}", run.Output, StringComparison.Ordinal);
        // The Rollback the failure triggers respects the lock too, and says so in the same words.
        Assert.Contains($"Rollback failed: {reason}", run.Output, StringComparison.Ordinal);
        AssertOneLineEach(run);
        Assert.Equal(before, Snapshot(build));
        Assert.Equal(ColorState.Stopped, (await build.Environment.Platform.ObserveAsync(Color.Green, CancellationToken.None)).State);
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), await build.Environment.Platform.ReadWeightsAsync(CancellationToken.None));
    }

    [EndToEndFact]
    public async Task A_Docker_engine_that_does_not_answer_stops_the_build_in_one_line_and_starts_nothing()
    {
        await using var build = await LocalDeliveryBuild.CreateAsync(withDatabase: false);
        var socket = $"unix:///tmp/missing-{Guid.NewGuid():N}.sock";

        var run = await build.RunAsync(new Dictionary<string, string> { ["DOCKER_HOST"] = socket }, "DeployBlueGreen", "--image-digest", images.First.ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"DeployBlueGreen failed: Docker engine at {socket} not reachable: no such socket /tmp/missing-", run.Output, StringComparison.Ordinal);
        AssertOneLineEach(run);
        await AssertNothingStartedAsync(build);
    }

    [EndToEndFact]
    public async Task A_router_that_cannot_start_stops_the_build_in_one_line_naming_the_port_and_starts_nothing()
    {
        await using var build = await LocalDeliveryBuild.CreateAsync(withDatabase: false);
        var settings = build.Environment.Settings;
        using var squatter = new TcpListener(IPAddress.Loopback, settings.PublicPort);
        squatter.Start();

        var run = await build.RunAsync("DeployBlueGreen", "--image-digest", images.First.ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"DeployBlueGreen failed: HAProxy for {settings.Name} could not start ({build.Environment.StateDirectory}/haproxy.cfg): [ALERT]", run.Output, StringComparison.Ordinal);
        Assert.Contains($"[127.0.0.1:{settings.PublicPort}]", run.Output, StringComparison.Ordinal);
        AssertOneLineEach(run);
        Assert.False(File.Exists(build.Environment.StateDirectory / "state.json"));
        Assert.False(File.Exists(build.Environment.StateDirectory / "lock.json"));
        await AssertNoContainerAsync(build);
    }

    /// <summary>No error spans lines or shows a stack trace: every failure is one line, in the log and in the summary table.</summary>
    private static void AssertOneLineEach(BuildRun run)
    {
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"DeployBlueGreen\s+Failed\s+", run.Output);
    }

    private static async Task AssertNothingStartedAsync(LocalDeliveryBuild build)
    {
        Assert.Empty(Directory.GetFileSystemEntries(build.Environment.StateDirectory)); // no state, no lock, no router
        await AssertNoContainerAsync(build);
    }

    private static async Task AssertNoContainerAsync(LocalDeliveryBuild build)
    {
        foreach (var color in new[] { Color.Blue, Color.Green })
            Assert.Equal(ColorState.Stopped, (await build.Environment.Platform.ObserveAsync(color, CancellationToken.None)).State);
    }

    /// <summary>The state folder's files and their contents (state, lock, router config and pid).</summary>
    private static string Snapshot(LocalDeliveryBuild build) =>
        string.Join("\n", Directory.GetFiles(build.Environment.StateDirectory).Order(StringComparer.Ordinal)
            .Where(file => !file.EndsWith(".sock", StringComparison.Ordinal) && !file.EndsWith(".guard", StringComparison.Ordinal))
            .Select(file => $"{Path.GetFileName(file)}: {File.ReadAllText(file)}"));
}
