namespace Pipeline.Delivery.Smoke;

/// <summary>A response body as it appears in a one-line message: whitespace runs folded, cut to about 200 characters.</summary>
public static class ResponseText
{
    public const int MaxLength = 200;

    public static string Excerpt(string body)
    {
        var line = OneLine(body);
        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }

    /// <summary>Line breaks and runs of whitespace become one space, so a message stays one line in the log.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
