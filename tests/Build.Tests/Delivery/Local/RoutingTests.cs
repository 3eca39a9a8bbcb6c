namespace BuildTests.Delivery.Local;

/// <summary>HAProxy as the router: weights, the test listener, the traffic counters, and a restart from the stored state.</summary>
public sealed class RoutingTests(ServiceImages images) : IClassFixture<ServiceImages>
{
    [LocalPlatformFact]
    public async Task Weights_set_are_read_back_from_HAProxy_and_a_running_color_with_traffic_cannot_be_staged()
    {
        await using var environment = new LocalEnvironment();
        var platform = environment.Platform;
        Assert.Equal(new TrafficWeights(0, 0), await platform.ReadWeightsAsync(CancellationToken.None)); // nothing deployed yet

        foreach (var weights in new[] { new TrafficWeights(100, 0), new TrafficWeights(10, 90), new TrafficWeights(50, 50), new TrafficWeights(0, 100) })
        {
            await platform.SetWeightsAsync(weights, CancellationToken.None);
            Assert.Equal(weights, await platform.ReadWeightsAsync(CancellationToken.None));
        }

        await Assert.ThrowsAsync<ArgumentException>(() => platform.SetWeightsAsync(new TrafficWeights(60, 60), CancellationToken.None));
        // Weighted but with no container running, green serves nothing: staging it is how a deploy repairs a live color that ended.
        await platform.StageAsync(Color.Green, new StageRequest(images.First, 1, null, null), CancellationToken.None);
        await environment.WaitForHealthAsync(Color.Green, healthy: true, TimeSpan.FromSeconds(60));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            platform.StageAsync(Color.Green, new StageRequest(images.First, 1, null, null), CancellationToken.None));
        Assert.Equal($"green receives 100% of {environment.Settings.Name}'s traffic: stage the idle color, or move the traffic first", refused.Message);
    }

    [LocalPlatformFact]
    public async Task The_test_listener_reaches_the_named_color_and_the_public_one_follows_the_weights()
    {
        await using var environment = new LocalEnvironment();
        var platform = environment.Platform;
        await environment.StageBothAsync(images.First, images.Second, TrafficWeights.AllOn(Color.Blue));

        foreach (var color in new[] { Color.Green, Color.Blue, Color.Green })
        {
            await platform.RouteTestTrafficAsync(color, CancellationToken.None);
            for (var i = 0; i < 4; i++)
                Assert.Equal(color.Name(), await environment.ColorBehindAsync(platform.TestAddress));
        }

        for (var i = 0; i < 4; i++)
            Assert.Equal("blue", await environment.ColorBehindAsync(platform.PublicAddress));
    }

    [LocalPlatformFact]
    public async Task Sample_counts_the_requests_and_5xx_answers_of_a_color_that_fails_them()
    {
        await using var environment = new LocalEnvironment();
        var failing = environment.With(new Dictionary<string, string> { ["APP_FAULT"] = "errors" });
        await environment.StageHealthyAsync(Color.Green, images.Second, failing);
        await environment.Platform.SetWeightsAsync(TrafficWeights.AllOn(Color.Green), CancellationToken.None);
        var before = await environment.Platform.SampleAsync(Color.Green, CancellationToken.None);

        for (var i = 0; i < 25; i++)
            Assert.Equal(500, (int)(await environment.Http.GetAsync(new Uri(environment.Platform.PublicAddress, "version"))).StatusCode);
        var after = await environment.Platform.SampleAsync(Color.Green, CancellationToken.None);

        Assert.Equal((0, 0L, (double?)null), (before.Requests, before.ServerErrors, before.AverageResponseMs));
        Assert.Equal((25, 25L), (after.Requests, after.ServerErrors));
        Assert.NotNull(after.AverageResponseMs);
        Assert.Equal(new TrafficSample(0, 0, null), await environment.Platform.SampleAsync(Color.Blue, CancellationToken.None));
    }

    [LocalPlatformFact]
    public async Task A_router_that_died_is_started_again_from_the_stored_state()
    {
        await using var environment = new LocalEnvironment();
        var platform = environment.Platform;
        await platform.WriteStateAsync(new EnvironmentState { Live = new ColorRelease(Color.Green, images.First.ToString()) }, CancellationToken.None);
        await platform.SetWeightsAsync(new TrafficWeights(50, 50), CancellationToken.None);
        using (var haproxy = System.Diagnostics.Process.GetProcessById(platform.Router.Daemon.ReadPid()!.Value))
        {
            haproxy.Kill();
            await haproxy.WaitForExitAsync();
        }

        var weights = await platform.ReadWeightsAsync(CancellationToken.None);

        Assert.Equal(TrafficWeights.AllOn(Color.Green), weights);
        Assert.Contains("    server blue 127.0.0.1:" + environment.Settings.BluePort + "\n", File.ReadAllText(platform.Router.Daemon.Config), StringComparison.Ordinal); // test → idle blue
        Assert.Contains("    server green 127.0.0.1:" + environment.Settings.GreenPort + " disabled\n", File.ReadAllText(platform.Router.Daemon.Config), StringComparison.Ordinal);
    }
}
