namespace BuildTests.Delivery.EndToEnd;

/// <summary>What every run must leave behind, whatever happened to it or to the run before.</summary>
internal static class LiveColor
{
    /// <summary>
    /// Exactly one live color: recorded in the state with no deploy in progress and no lock left, running the recorded
    /// image, healthy in HAProxy, with all the public traffic, and answering /version through the public listener.
    /// The other color runs only as the previous release standing by. Returns the live color.
    /// </summary>
    public static async Task<Color> AssertOneAsync(Local.LocalEnvironment environment)
    {
        var platform = environment.Platform;
        var none = CancellationToken.None;
        var state = await platform.ReadStateAsync(none);
        Assert.NotNull(state.Live);
        var live = state.Live.Color;
        Assert.Null(state.InProgress);
        Assert.False(File.Exists(environment.StateDirectory / "lock.json"), "the deploy lock is still held");
        Assert.Equal(state.Live.Image, (await platform.ObserveAsync(live, none)).Image);
        var health = await platform.CheckHealthAsync(live, none);
        Assert.True(health.Healthy, health.Detail);
        Assert.Equal(TrafficWeights.AllOn(live), await platform.ReadWeightsAsync(none));
        for (var i = 0; i < 4; i++)
            Assert.Equal(live.Name(), await environment.ColorBehindAsync(platform.PublicAddress));

        var other = await platform.ObserveAsync(live.Other(), none);
        if (other.State != ColorState.Stopped)
            Assert.True(state.Previous?.Color == live.Other() && state.StandbyUntil is not null, $"{live.Other().Name()} runs ({other.Detail}) but does not stand by");
        return live;
    }
}
