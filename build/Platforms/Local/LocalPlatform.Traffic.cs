using Pipeline.Delivery;
using Pipeline.Delivery.Roles;

namespace Pipeline.Platforms.Local;

/// <summary>The router's side of the platform: health as HAProxy sees it, the weights, the test route, the counters.</summary>
internal sealed partial class LocalPlatform
{
    public async Task<HealthReading> CheckHealthAsync(Color color, CancellationToken cancellation)
    {
        var server = await router.ServerAsync(HaproxyConfig.PublicBackend, color, cancellation);
        return new HealthReading(server.IsHealthy, $"HAProxy {server.Backend}/{server.Server}: {server.Describe()}");
    }

    /// <summary>The rising weight first, so the two settings never pass through 0/0 (every request a 503).</summary>
    public async Task SetWeightsAsync(TrafficWeights weights, CancellationToken cancellation)
    {
        if (weights.Blue is < 0 or > 100 || weights.Green is < 0 or > 100 || weights.Blue + weights.Green != 100)
            throw new ArgumentException($"weights {weights} do not add up to 100%", nameof(weights));
        var current = await ReadWeightsAsync(cancellation);
        var rising = weights.Blue >= current.Blue ? Color.Blue : Color.Green;
        await router.SetWeightAsync(rising, weights.For(rising), cancellation);
        await router.SetWeightAsync(rising.Other(), weights.For(rising.Other()), cancellation);
        foreach (var color in new[] { Color.Blue, Color.Green })
            await containers.ServesAllTrafficAsync(color, weights.For(color) == 100, cancellation);
    }

    public async Task<TrafficWeights> ReadWeightsAsync(CancellationToken cancellation) =>
        new(await router.WeightAsync(Color.Blue, cancellation), await router.WeightAsync(Color.Green, cancellation));

    /// <summary>The named color ready first, then the other in maintenance: the test listener always has a server.</summary>
    public async Task RouteTestTrafficAsync(Color color, CancellationToken cancellation)
    {
        await router.SetStateAsync(HaproxyConfig.TestBackend, color, "ready", cancellation);
        await router.SetStateAsync(HaproxyConfig.TestBackend, color.Other(), "maint", cancellation);
    }

    /// <summary>
    /// From HAProxy's counters for the color's server in the public backend. Errors are 5xx answers and requests the
    /// color failed to answer at all (connection or response errors). The mean response time is HAProxy's over the
    /// color's last 1024 requests, null before its first.
    /// </summary>
    public async Task<TrafficSample> SampleAsync(Color color, CancellationToken cancellation)
    {
        var server = await router.ServerAsync(HaproxyConfig.PublicBackend, color, cancellation);
        return new TrafficSample(server.TotalSessions, server.Responses5xx + server.ConnectionErrors + server.ResponseErrors,
            server.TotalSessions > 0 ? server.ResponseTimeMs : null);
    }
}
