namespace Pipeline.Delivery.Smoke;

/// <summary>
/// /version reports the release and color expected (each only when expected is given): proof from outside that the
/// listener reaches the color that was just staged, running the image that was meant.
/// </summary>
public sealed class VersionCheck : ISmokeCheck
{
    // A commit may be written in full or shortened (image tags use 12 characters); shorter than this is ambiguous.
    private const int ShortestCommit = 7;

    public string Name => "version";

    public async Task<SmokeCheckResult> RunAsync(SmokeClient client, Uri root, ExpectedRelease expected, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(expected);
        var exchange = await client.GetAsync(new Uri(root, "version"), cancellation);
        if (exchange.Status != 200)
            return SmokeCheckResult.Fail(Name, exchange, "expected 200 with {version, commit, color}");
        if (JsonStrings.Parse(exchange.Body) is not { } reported)
            return SmokeCheckResult.Fail(Name, exchange, "expected a JSON object {version, commit, color}");

        var mismatches = new List<string>();
        Compare("version", expected.Version, reported.GetValueOrDefault("version"), string.Equals);
        Compare("commit", expected.Commit, reported.GetValueOrDefault("commit"), SameCommit);
        Compare("color", expected.Color?.Name(), reported.GetValueOrDefault("color"), string.Equals);
        return mismatches.Count == 0 ? SmokeCheckResult.Pass(Name, exchange) : SmokeCheckResult.Fail(Name, exchange, string.Join("; ", mismatches));

        void Compare(string field, string? wanted, string? got, Func<string, string, bool> same)
        {
            if (wanted is not null && (got is null || !same(wanted, got)))
                mismatches.Add($"expected {field} {wanted}, got {got ?? "none"}");
        }
    }

    private static bool SameCommit(string wanted, string got)
    {
        var (shorter, longer) = wanted.Length <= got.Length ? (wanted, got) : (got, wanted);
        return string.Equals(wanted, got, StringComparison.OrdinalIgnoreCase)
            || (shorter.Length >= ShortestCommit && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase));
    }
}
