namespace Pipeline.Delivery.Smoke;

/// <summary>
/// /health/ready answers 200: the service reaches its database and the schema it needs. When it does not, what
/// came back is the status and the service's own <c>reason</c> ("database: …"), which says more than the body cut short.
/// </summary>
public sealed class ReadyCheck : ISmokeCheck
{
    public string Name => "ready";

    public async Task<SmokeCheckResult> RunAsync(SmokeClient client, Uri root, ExpectedRelease expected, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var exchange = await client.GetAsync(new Uri(root, "health/ready"), cancellation);
        if (exchange.Status == 200)
            return SmokeCheckResult.Pass(Name, exchange);
        var observed = JsonStrings.Parse(exchange.Body)?.GetValueOrDefault("reason") is { } reason
            ? $"returned {exchange.Status}, reason \"{ResponseText.Excerpt(reason)}\""
            : null;
        return SmokeCheckResult.Fail(Name, exchange, "expected 200", observed);
    }
}
