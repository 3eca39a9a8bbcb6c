using System.Text.Json;

namespace Pipeline.Delivery.Notifications;

/// <summary>
/// A notice as a Slack incoming-webhook message: {"text": "[local] deployed 1.4.0 (sha256:3f2a…) to green, 100%, in
/// 41 s"}, plain text. Slack reads &amp;, &lt; and &gt; as markup (links, mentions), so those three are escaped as its
/// documentation asks; anything else arrives as written.
/// </summary>
public static class WebhookMessage
{
    public static string Text(DeploymentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return $"[{notice.Environment}] {notice.Text}";
    }

    public static string Json(DeploymentNotice notice) => JsonSerializer.Serialize(new { text = Escape(Text(notice)) });

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
