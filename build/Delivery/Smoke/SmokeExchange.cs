namespace Pipeline.Delivery.Smoke;

/// <summary>One request of a check and what came back: an answer (status, body, Location), or why there was none.</summary>
public sealed record SmokeExchange(HttpMethod Method, Uri Url, int? Status, string Body, Uri? Location, string? Error)
{
    public static SmokeExchange Answered(HttpMethod method, Uri url, int status, string body, Uri? location) =>
        new(method, url, status, body, location, null);

    public static SmokeExchange Unanswered(HttpMethod method, Uri url, string error) =>
        new(method, url, null, "", null, error);

    public bool IsAnswered => Status is not null;

    /// <summary>"returned 503 {"status":"not ready",…}" with the body cut short, or "failed: Connection refused (…)".</summary>
    public string Outcome => Status is { } status
        ? $"returned {status} {ResponseText.Excerpt(Body)}".TrimEnd()
        : Error ?? "failed";
}
