using System.Diagnostics;

namespace Pipeline.Delivery.Smoke;

/// <summary>
/// The smoke tests: HTTP checks, the standard ones and a build's own (<see cref="IHazDeployment.SmokeChecks"/>), against a base URL, the environment's public URL after a
/// deploy, or the router's test listener before any traffic reaches a new color (as <see cref="IPreTrafficCheck"/>).
/// Every check runs and is reported, so one run shows all that is wrong; as a pre-traffic check the reason given is
/// the first failure.
/// </summary>
public sealed class SmokeSuite : IPreTrafficCheck, IDisposable
{
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);

    private readonly SmokeClient client;
    private readonly IReadOnlyList<ISmokeCheck> checks;

    /// <summary>What every service that serves /health/live, /health/ready and /version passes; a build adds its service's own.</summary>
    public static IReadOnlyList<ISmokeCheck> StandardChecks { get; } = [new LiveCheck(), new ReadyCheck(), new VersionCheck()];

    /// <param name="checks">The checks, run in this order.</param>
    /// <param name="requestTimeout">For each request, the answer's body included (default 5 s).</param>
    /// <param name="headers">Sent with every request (a recovery drill's routing header).</param>
    public SmokeSuite(IReadOnlyList<ISmokeCheck> checks, TimeSpan? requestTimeout = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        this.checks = checks;
        client = new SmokeClient(requestTimeout ?? DefaultRequestTimeout, headers);
    }

    public async Task<SmokeReport> RunAsync(Uri baseAddress, ExpectedRelease expected, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(expected);
        // Relative paths append only to a base that ends in '/': http://host/app stays under /app/.
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        var results = new List<SmokeCheckResult>();
        foreach (var check in checks)
            results.Add(await RunCheckAsync(check, root, expected, cancellation));
        return new SmokeReport(baseAddress, results);
    }

    public async Task<string?> FailureAsync(Uri address, ExpectedRelease expected, CancellationToken cancellation) =>
        (await RunAsync(address, expected, cancellation)).FirstFailure;

    public void Dispose() => client.Dispose();

    private async Task<SmokeCheckResult> RunCheckAsync(ISmokeCheck check, Uri root, ExpectedRelease expected, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        SmokeCheckResult result;
        try
        {
            result = await check.RunAsync(client, root, expected, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            // A check's own defect is that check's failure, not the end of the suite: the others still report.
            // "notes: against http://…/ broke: InvalidOperationException: …"
            result = new SmokeCheckResult(check.Name, "against", root, false, "broke", $"{e.GetType().Name}: {ResponseText.OneLine(e.Message)}");
        }

        return result with { Duration = clock.Elapsed };
    }
}
