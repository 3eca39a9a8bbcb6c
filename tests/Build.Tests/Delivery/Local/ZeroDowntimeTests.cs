using Xunit.Abstractions;

namespace BuildTests.Delivery.Local;

/// <summary>Users see nothing of a deploy: no failed request while the weights move and the old color drains and stops.</summary>
public sealed class ZeroDowntimeTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    [LocalPlatformFact]
    public async Task A_steady_client_sees_no_failed_request_while_traffic_moves_in_steps_and_the_old_color_stops()
    {
        await using var environment = new LocalEnvironment();
        var platform = environment.Platform;
        await environment.StageBothAsync(images.First, images.Second, TrafficWeights.AllOn(Color.Blue));

        await using var load = new PublicTraffic(platform.PublicAddress, connections: 4, requestsPerSecond: 80);
        await Task.Delay(Step);
        foreach (var percent in new[] { 90, 50, 100 })
        {
            await platform.SetWeightsAsync(TrafficWeights.Split(Color.Green, percent), CancellationToken.None);
            await Task.Delay(Step);
        }

        await platform.StopAsync(Color.Blue, TimeSpan.FromSeconds(5), CancellationToken.None);
        await Task.Delay(Step);
        await load.StopAsync();

        output.WriteLine(load.ToString());
        Assert.Empty(load.Failures);
        Assert.True(load.RequestsPerSecond >= 50, $"only {load.RequestsPerSecond:0} requests per second");
        Assert.True(load.ByColor.GetValueOrDefault("blue") > 0 && load.ByColor.GetValueOrDefault("green") > 0);
        Assert.Equal(ColorState.Stopped, (await platform.ObserveAsync(Color.Blue, CancellationToken.None)).State);
        Assert.Equal(TrafficWeights.AllOn(Color.Green), await platform.ReadWeightsAsync(CancellationToken.None));
        await platform.StopAsync(Color.Blue, TimeSpan.FromSeconds(5), CancellationToken.None); // stopping a stopped color does nothing
    }

    [LocalPlatformFact]
    public async Task Stopping_a_color_that_still_takes_traffic_drains_it_first_and_no_request_fails()
    {
        await using var environment = new LocalEnvironment();
        var platform = environment.Platform;
        await environment.StageBothAsync(images.First, images.Second, new TrafficWeights(50, 50));

        await using var load = new PublicTraffic(platform.PublicAddress, connections: 4, requestsPerSecond: 80);
        await Task.Delay(Step);
        await platform.StopAsync(Color.Green, TimeSpan.FromSeconds(5), CancellationToken.None);
        var greenBefore = load.AnsweredBy("green");
        await Task.Delay(Step);
        await load.StopAsync();

        output.WriteLine(load.ToString());
        Assert.Empty(load.Failures);
        Assert.True(greenBefore > 0);
        Assert.Equal(greenBefore, load.ByColor.GetValueOrDefault("green")); // nothing reached green once it was stopped
        Assert.Equal(new TrafficWeights(50, 0), await platform.ReadWeightsAsync(CancellationToken.None)); // drained: HAProxy sends it nothing
    }
}
