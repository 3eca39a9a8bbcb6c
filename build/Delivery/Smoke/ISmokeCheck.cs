namespace Pipeline.Delivery.Smoke;

/// <summary>One smoke check: a request or two against the service and a verdict on what came back.</summary>
public interface ISmokeCheck
{
    /// <summary>Short and stable (live, ready, version, notes): it starts every line about the check.</summary>
    string Name { get; }

    /// <summary>
    /// The verdict on the service under <paramref name="root"/> (which ends in '/', so relative paths stay under it);
    /// what the service answered, or failed to, is in the result, never thrown.
    /// </summary>
    Task<SmokeCheckResult> RunAsync(SmokeClient client, Uri root, ExpectedRelease expected, CancellationToken cancellation);
}
