namespace Pipeline.Delivery.Smoke;

/// <summary>
/// One check's verdict: the request it is about (the one that failed, or the last one), what came back, and for a
/// failure what was expected instead. <see cref="Line"/> is the one line a person reads.
/// </summary>
public sealed record SmokeCheckResult(string Name, string Method, Uri Url, bool Passed, string Observed, string? Problem)
{
    public TimeSpan Duration { get; init; }

    /// <summary>"version: GET http://127.0.0.1:8081/version returned 200 {…}: expected version 0.2.0, got 0.1.0".</summary>
    public string Line => $"{Name}: {Method} {Url} {Observed}" + (Problem is null ? "" : $": {Problem}");

    public static SmokeCheckResult Pass(string name, SmokeExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return new SmokeCheckResult(name, exchange.Method.Method, exchange.Url, true, exchange.Outcome, null);
    }

    /// <summary>
    /// A failure on <paramref name="exchange"/>. When nothing came back (refused, timed out) that is the whole story,
    /// so <paramref name="problem"/> is left out; <paramref name="observed"/> replaces the default account of the answer.
    /// </summary>
    public static SmokeCheckResult Fail(string name, SmokeExchange exchange, string problem, string? observed = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return exchange.IsAnswered
            ? new SmokeCheckResult(name, exchange.Method.Method, exchange.Url, false, observed ?? exchange.Outcome, problem)
            : new SmokeCheckResult(name, exchange.Method.Method, exchange.Url, false, exchange.Outcome, null);
    }
}
