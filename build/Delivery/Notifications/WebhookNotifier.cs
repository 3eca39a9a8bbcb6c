using Engine;

namespace Pipeline.Delivery.Notifications;

/// <summary>
/// Tells a Slack-compatible incoming webhook how a deploy ended: POST {"text": "[local] deployed 1.4.0 (sha256:3f2a…)
/// to green, 100%, in 41 s"}. Never throws, since a notification is not the deploy: one that cannot be sent is a
/// warning with the status or the error, never the URL, because the URL is the credential (whoever has it posts to the
/// channel); it is registered as a secret too, so no line can show it. Each attempt has a short deadline, and a 5xx
/// or a timeout is tried once more: enough for a blip, without holding up the end of a deploy.
/// </summary>
public sealed class WebhookNotifier : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);

    private readonly Uri webhook;
    private readonly TimeSpan timeout;
    private readonly TimeSpan retryDelay;
    // The per-attempt deadline below is the timeout; the client's own would look like a cancellation.
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public WebhookNotifier(Uri webhook, TimeSpan? timeout = null, TimeSpan? retryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        Secrets.Register(webhook.OriginalString);
        Secrets.Register(webhook.AbsoluteUri);
        this.webhook = webhook;
        this.timeout = timeout ?? DefaultTimeout;
        this.retryDelay = retryDelay ?? DefaultRetryDelay;
    }

    /// <summary>Never throws: a notification that cannot be sent is a warning, never a failed deploy.</summary>
    public async Task NotifyAsync(DeploymentNotice notice, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(notice);
        try
        {
            var json = WebhookMessage.Json(notice);
            var outcome = await SendAsync(json, cancellation);
            if (outcome.WorthRetrying)
            {
                await Task.Delay(retryDelay, cancellation);
                var second = await SendAsync(json, cancellation);
                outcome = second.Delivered ? second : second with { Text = second.Text + " (tried twice)" };
            }

            if (!outcome.Delivered)
                Log.Warning($"The {notice.Kind} notification was not sent: {outcome.Text}");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Log.Warning($"The {notice.Kind} notification was not sent: cancelled");
        }
        catch (Exception e)
        {
            // The type alone: an unexpected exception's message may quote the request, and the URL is the secret.
            Log.Warning($"The {notice.Kind} notification was not sent: {e.GetType().Name}");
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<WebhookOutcome> SendAsync(string json, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(webhook, content, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return WebhookOutcome.Answered((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return WebhookOutcome.TimedOut(timeout);
        }
        catch (HttpRequestException e)
        {
            return WebhookOutcome.Unreachable(e);
        }
    }
}
