using System.Globalization;
using System.Net.Sockets;
using Pipeline.Delivery.Smoke;

namespace Pipeline.Delivery.Notifications;

/// <summary>How one POST to the webhook went, in words that never include the URL (it is the secret).</summary>
public sealed record WebhookOutcome(bool Delivered, bool WorthRetrying, string Text)
{
    // Slack answers errors with a short code (no_service, invalid_payload): worth a warning, cut in case it is not.
    private const int BodyExcerpt = 100;

    public static WebhookOutcome Answered(int status, string body)
    {
        var code = ResponseText.OneLine(body);
        var text = string.Create(CultureInfo.InvariantCulture, $"the webhook answered {status}")
            + (code.Length == 0 ? "" : " " + (code.Length <= BodyExcerpt ? code : code[..BodyExcerpt] + "…"));
        return new WebhookOutcome(status is >= 200 and < 300, status >= 500, text);
    }

    public static WebhookOutcome TimedOut(TimeSpan timeout) =>
        new(false, true, $"the webhook did not answer within {ElapsedText.Format(timeout)}");

    /// <summary>
    /// The kind of failure and the socket's reason ("ConnectionError, Connection refused"), never the exception's
    /// message: HttpClient's names the host and port.
    /// </summary>
    public static WebhookOutcome Unreachable(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var socket = exception.InnerException as SocketException;
        var reason = socket is null ? exception.HttpRequestError.ToString() : $"{exception.HttpRequestError}, {socket.Message}";
        return new WebhookOutcome(false, false, $"the webhook could not be reached ({reason})");
    }
}
