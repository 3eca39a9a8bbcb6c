namespace Pipeline.Delivery.Smoke;

/// <summary>
/// The smoke checks' HTTP: each request has its own deadline (the answer's body included), goes out on a new
/// connection, is closed after the answer, and follows no redirect (a redirect is what came back, not where to go).
/// Why a new connection each time: a router may pick the backend per connection (HAProxy in TCP mode, a kept-alive
/// client connection pinned to its server) or per request (HTTP mode). A pooled connection opened before the test
/// listener was switched to the idle color could still reach the live one, and the check would pass against the
/// wrong color. A fresh connection reaches whatever the router routes to now, whichever way it decides; a handful of
/// extra handshakes per run costs nothing.
/// </summary>
public sealed class SmokeClient : IDisposable
{
    private readonly HttpClient http;

    public SmokeClient(TimeSpan requestTimeout, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requestTimeout, TimeSpan.Zero);
        RequestTimeout = requestTimeout;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        // Deadlines are per request (below); the client's own would end a request with the same exception as Ctrl-C.
        http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = 1024 * 1024 };
        http.DefaultRequestHeaders.ConnectionClose = true;
        http.DefaultRequestHeaders.UserAgent.ParseAdd("app-pipeline-smoke-test");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            http.DefaultRequestHeaders.Add(name, value);
    }

    public TimeSpan RequestTimeout { get; }

    public Task<SmokeExchange> GetAsync(Uri url, CancellationToken cancellation) => SendAsync(HttpMethod.Get, url, null, cancellation);

    /// <summary>What came back; only the caller's cancellation throws.</summary>
    public async Task<SmokeExchange> SendAsync(HttpMethod method, Uri url, HttpContent? content, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return SmokeExchange.Answered(method, url, (int)response.StatusCode, body, response.Headers.Location);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return SmokeExchange.Unanswered(method, url, $"timed out after {ElapsedText.Format(RequestTimeout)} without an answer");
        }
        catch (HttpRequestException e)
        {
            return SmokeExchange.Unanswered(method, url, "failed: " + FailureReason(e));
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>
    /// One line from the exception and its causes: "Connection refused (127.0.0.1:8081)", or for TLS the inner reason
    /// that the outer message only points to ("see inner exception").
    /// </summary>
    private static string FailureReason(Exception exception)
    {
        var parts = new List<string>();
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            var message = ResponseText.OneLine(cause.Message);
            if (!parts.Exists(part => part.Contains(message, StringComparison.Ordinal)))
                parts.Add(message);
        }

        return string.Join(": ", parts);
    }
}
