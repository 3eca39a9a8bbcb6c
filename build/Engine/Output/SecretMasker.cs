namespace Engine.Output;

/// <summary>
/// Replaces every known secret value in a line with ***. Secrets are registered before anything is printed,
/// and in the forms they are likely to appear in: as given, line by line, and URL-encoded.
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
        var forms = new[] { secret, Uri.EscapeDataString(secret) }
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
