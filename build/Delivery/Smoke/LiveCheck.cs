namespace Pipeline.Delivery.Smoke;

/// <summary>/health/live answers 200: the process is up and serving HTTP (by design it checks nothing else).</summary>
public sealed class LiveCheck : ISmokeCheck
{
    public string Name => "live";

    public async Task<SmokeCheckResult> RunAsync(SmokeClient client, Uri root, ExpectedRelease expected, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var exchange = await client.GetAsync(new Uri(root, "health/live"), cancellation);
        return exchange.Status == 200 ? SmokeCheckResult.Pass(Name, exchange) : SmokeCheckResult.Fail(Name, exchange, "expected 200");
    }
}
