using System.Text.Json;
using Engine;
using Engine.Output;
using TestSupport;
using static BuildTests.LocalHttpServer;

namespace BuildTests.Delivery.Notifications;

/// <summary>The deploy notifier against a webhook on a local HTTP listener: what it posts, its one retry, and its warnings.</summary>
public sealed class WebhookNotifierTests
{
    private const string SecretPath = "services/T0000/B0000/XXXXsecretXXXX";
    private static readonly DeploymentNotice Deployed = new(NoticeKind.Deployed, "local", "deployed 1.4.0 (sha256:3f2a…) to green, 100%, in 41 s");

    [Fact]
    public async Task Posts_the_notice_as_a_slack_text_message_in_json()
    {
        var log = CaptureLog();
        using var webhook = new LocalHttpServer(_ => new Answer(200, "ok"));
        using var notifier = new WebhookNotifier(new Uri(webhook.Address, SecretPath));

        await notifier.NotifyAsync(Deployed, CancellationToken.None);

        var request = Assert.Single(webhook.Received);
        Assert.Equal(("POST", "/" + SecretPath), (request.Method, request.Path));
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["text"], body.RootElement.EnumerateObject().Select(field => field.Name));
        Assert.Equal("[local] deployed 1.4.0 (sha256:3f2a…) to green, 100%, in 41 s", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task Slack_markup_characters_are_escaped_so_the_text_arrives_as_written()
    {
        CaptureLog();
        using var webhook = new LocalHttpServer(_ => new Answer(200, "ok"));
        using var notifier = new WebhookNotifier(webhook.Address);

        await notifier.NotifyAsync(new DeploymentNotice(NoticeKind.Aborted, "staging", "aborted: 5xx rate 3% > 1% & <2 s"), CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(webhook.Received).Body);
        Assert.Equal("[staging] aborted: 5xx rate 3% &gt; 1% &amp; &lt;2 s", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_server_error_is_tried_once_more_and_a_success_then_is_silent()
    {
        var log = CaptureLog();
        var answers = new Queue<Answer>([new Answer(500, "oops"), new Answer(200, "ok")]);
        using var webhook = new LocalHttpServer(_ => answers.Dequeue());
        using var notifier = new WebhookNotifier(webhook.Address, retryDelay: TimeSpan.Zero);

        await notifier.NotifyAsync(Deployed, CancellationToken.None);

        Assert.Equal(2, webhook.Received.Count);
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task A_server_error_twice_is_a_warning_with_the_status()
    {
        var log = CaptureLog();
        using var webhook = new LocalHttpServer(_ => new Answer(503, "<html>\nService Unavailable\n</html>"));
        using var notifier = new WebhookNotifier(new Uri(webhook.Address, SecretPath), retryDelay: TimeSpan.Zero);

        await notifier.NotifyAsync(Deployed, CancellationToken.None);

        Assert.Equal(2, webhook.Received.Count);
        Assert.Equal("The Deployed notification was not sent: the webhook answered 503 <html> Service Unavailable </html> (tried twice)", log.ToString().Trim());
    }

    [Fact]
    public async Task A_404_is_not_retried_and_warns_without_throwing()
    {
        var log = CaptureLog();
        using var webhook = new LocalHttpServer(_ => new Answer(404, "no_service"));
        using var notifier = new WebhookNotifier(new Uri(webhook.Address, SecretPath), retryDelay: TimeSpan.Zero);

        await notifier.NotifyAsync(new DeploymentNotice(NoticeKind.RolledBack, "local", "rolled back to blue"), CancellationToken.None);

        Assert.Single(webhook.Received);
        Assert.Equal("The RolledBack notification was not sent: the webhook answered 404 no_service", log.ToString().Trim());
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_tried_once_more_then_a_warning()
    {
        var log = CaptureLog();
        LocalHttpServer? webhook = null;
        using var server = webhook = new LocalHttpServer(async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), webhook!.Stopping);
            return new Answer(200);
        });
        // Long enough for a busy machine's listener to take each attempt before the client gives up on it.
        using var notifier = new WebhookNotifier(server.Address, TimeSpan.FromSeconds(1), TimeSpan.Zero);

        await notifier.NotifyAsync(Deployed, CancellationToken.None);

        // The listener may record the retry after the client gave up on it, so wait for it rather than for the notifier.
        for (var waited = 0; server.Received.Count < 2 && waited < 50; waited++)
            await Task.Delay(100);
        Assert.Equal(2, server.Received.Count);
        Assert.Equal("The Deployed notification was not sent: the webhook did not answer within 1 s (tried twice)", log.ToString().Trim());
    }

    [Fact]
    public async Task An_unreachable_webhook_warns_without_throwing_and_without_any_part_of_its_url()
    {
        var log = CaptureLog();
        var port = ClosedPort.Find();
        using var notifier = new WebhookNotifier(new Uri($"http://127.0.0.1:{port}/{SecretPath}"), retryDelay: TimeSpan.Zero);

        await notifier.NotifyAsync(Deployed, CancellationToken.None);

        var warning = log.ToString().Trim();
        Assert.Equal("The Deployed notification was not sent: the webhook could not be reached (ConnectionError, Connection refused)", warning);
        // Not even masked: nothing of the URL was in the line before redaction.
        Assert.DoesNotContain(SecretMasker.Mask, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_url_is_registered_as_a_secret_so_no_line_shows_it()
    {
        var log = CaptureLog();
        var url = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/{SecretPath}");
        using var notifier = new WebhookNotifier(url);

        Log.Information($"posting to {url}");

        Assert.Equal("posting to ***", log.ToString().Trim());
    }

    [Fact]
    public async Task A_cancelled_notification_warns_instead_of_throwing()
    {
        var log = CaptureLog();
        using var webhook = new LocalHttpServer(_ => new Answer(200, "ok"));
        using var notifier = new WebhookNotifier(webhook.Address);

        await notifier.NotifyAsync(Deployed, new CancellationToken(canceled: true));

        Assert.Equal("The Deployed notification was not sent: cancelled", log.ToString().Trim());
    }

    /// <summary>This test's build output (flows with the test's async context): what Log writes, redacted by its own secrets.</summary>
    private static StringWriter CaptureLog()
    {
        var writer = new StringWriter();
        BuildOutput.Current = new BuildOutput(writer, Verbosity.Normal, new SecretMasker(), useColor: false);
        return writer;
    }
}
