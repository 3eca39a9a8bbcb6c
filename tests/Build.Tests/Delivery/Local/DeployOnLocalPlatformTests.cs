using Xunit.Abstractions;

namespace BuildTests.Delivery.Local;

/// <summary>
/// The deploy algorithm on the real local platform, under a steady client on the public listener: a good release
/// takes all traffic without one failed request; a bad one is stopped before users notice more than the analysis needs.
/// </summary>
public sealed class DeployOnLocalPlatformTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    [LocalPlatformFact]
    public async Task A_good_release_moves_in_steps_to_the_idle_color_without_a_failed_request_and_the_old_one_stands_by()
    {
        await using var environment = new LocalEnvironment();
        var deployment = new LocalDeployment(environment);
        Assert.Equal(DeploymentOutcome.Deployed, (await deployment.DeployAsync(images.First, "1.0.0")).Outcome);

        await using var load = new PublicTraffic(environment.Platform.PublicAddress, connections: 4, requestsPerSecond: 80);
        var record = await deployment.DeployAsync(images.Second, "2.0.0");
        await load.StopAsync();

        output.WriteLine($"{record.Seconds:0.0} s ({string.Join(", ", record.Phases.Select(p => $"{p.Phase} {p.Seconds:0.0} s"))}); {load}");
        Assert.True(record.Outcome == DeploymentOutcome.Deployed, string.Join("\n", deployment.Lines));
        Assert.Empty(load.Failures);
        Assert.Equal([10, 50, 100], record.Steps.Select(s => s.Percent));
        Assert.Equal(TrafficWeights.AllOn(Color.Green), await environment.Platform.ReadWeightsAsync(CancellationToken.None));
        Assert.Equal("green", await environment.ColorBehindAsync(environment.Platform.PublicAddress));
        Assert.Equal("blue", await environment.ColorBehindAsync(environment.Platform.TestAddress)); // the standby, for Rollback
        Assert.Equal(ColorState.Running, (await environment.Platform.ObserveAsync(Color.Blue, CancellationToken.None)).State);
    }

    [LocalPlatformFact]
    public async Task A_release_whose_readiness_fails_never_receives_traffic()
    {
        await using var environment = new LocalEnvironment();
        // 20 s: on a loaded machine the container may not listen within 10, and the router's last word would be a refused
        // connection instead of the readiness's 503 this case is about.
        var deployment = new LocalDeployment(environment) { Settings = LocalDeployment.ShortBakes with { HealthTimeout = TimeSpan.FromSeconds(20) } };
        await deployment.DeployAsync(images.First, "1.0.0");

        await using var load = new PublicTraffic(environment.Platform.PublicAddress, connections: 2, requestsPerSecond: 40);
        var record = await deployment.DeployAsync(images.Second, "2.0.0", environment.With(new Dictionary<string, string> { ["APP_FAULT"] = "unhealthy" }));
        await load.StopAsync();

        Assert.Equal(DeploymentOutcome.Failed, record.Outcome);
        Assert.StartsWith("green to be healthy: not reached in 20 s; last seen: HAProxy public/green: DOWN, check L7STS 503", record.Reason, StringComparison.Ordinal);
        Assert.Empty(load.Failures);
        Assert.Equal(["blue"], load.ByColor.Keys);
        Assert.Equal(ColorState.Stopped, (await environment.Platform.ObserveAsync(Color.Green, CancellationToken.None)).State);
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), await environment.Platform.ReadWeightsAsync(CancellationToken.None));
    }

    [LocalPlatformFact]
    public async Task A_release_that_serves_500s_is_aborted_at_its_first_step_and_traffic_returns_at_once()
    {
        await using var environment = new LocalEnvironment();
        var deployment = new LocalDeployment(environment);
        await deployment.DeployAsync(images.First, "1.0.0");
        // Its /version fails too: the pre-traffic check is left out here, so that the analysis is what catches it.
        var failing = environment.With(new Dictionary<string, string> { ["APP_FAULT"] = "errors" });

        await using var load = new PublicTraffic(environment.Platform.PublicAddress, connections: 4, requestsPerSecond: 80);
        var record = await new LocalDeployment(environment, checkVersion: false).DeployAsync(images.Second, "2.0.0", failing);
        await load.StopAsync();

        output.WriteLine($"{record.Reason}; {load}");
        Assert.Equal(DeploymentOutcome.Aborted, record.Outcome);
        Assert.StartsWith("aborted at 10%: ", record.Reason, StringComparison.Ordinal);
        Assert.Equal([10], record.Steps.Select(s => s.Percent));
        Assert.Empty(load.Failures); // the only 500s users saw are the faulty release's own
        Assert.InRange(load.DeliberateFaults, 1, load.Requests / 5); // about 10% of one measurement's requests, not more
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), await environment.Platform.ReadWeightsAsync(CancellationToken.None));
        Assert.Equal(ColorState.Stopped, (await environment.Platform.ObserveAsync(Color.Green, CancellationToken.None)).State);
    }
}
