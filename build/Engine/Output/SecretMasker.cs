namespace Engine.Output;

/// <summary>
/// Replaces every known secret value in a line with ***. Secrets are registered before anything is printed, and in
/// every form the build itself may turn them into: as given, line by line, URL-encoded, JSON-escaped, escaped for a
/// Markdown table and single-quoted for a shell. The output layer also masks before it transforms (quoting, escaping).
/// </summary>
public sealed class SecretMasker
{
    public const string Mask = "***";
    private readonly Lock gate = new();
    private string[] values = [];

    public IReadOnlyList<string> Values => values;

    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
            return;
        var forms = new[]
            {
                secret,
                Uri.EscapeDataString(secret),
                System.Text.Json.JsonEncodedText.Encode(secret).ToString(),
                secret.Replace("|", "\\|", StringComparison.Ordinal),
                secret.Replace("'", "'\\''", StringComparison.Ordinal),
            }
            .Concat(secret.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(v => v.Length > 0);
        lock (gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            values = values.Concat(forms).Distinct().OrderByDescending(v => v.Length).ToArray();
        }
    }

    public string Redact(string line)
    {
        var current = values;
        foreach (var value in current)
        {
            if (line.Contains(value, StringComparison.Ordinal))
                line = line.Replace(value, Mask, StringComparison.Ordinal);
        }

        return line;
    }
}
