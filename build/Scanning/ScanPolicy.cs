using System.Globalization;
using System.Text.Json;

/// <summary>
/// The repository's scan policy (scan-policy.json): the severities that fail the build, and findings accepted for a
/// while, each with a reason and an expiry date after which it fails again.
/// <code>{ "failOn": ["HIGH", "CRITICAL"], "accepted": [{ "id": "CVE-2024-1234", "reason": "…", "expires": "2026-03-31" }] }</code>
/// </summary>
public sealed record ScanPolicy(IReadOnlySet<Severity> FailOn, IReadOnlyList<Acceptance> Accepted)
{
    public const string DefaultFile = "scan-policy.json";

    public static readonly ScanPolicy Default = new(new HashSet<Severity> { Severity.High, Severity.Critical }, []);

    /// <summary>
    /// The policy in the file; the default when there is no file (Scan lets only <see cref="DefaultFile"/> be absent).
    /// A malformed file is one line naming the problem.
    /// </summary>
    public static ScanPolicy Load(string path, string shownAs)
    {
        if (!File.Exists(path))
            return Default;
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{shownAs} is not a valid scan policy: {e.Message.Split('\n')[0]}", e);
        }
    }

    public static ScanPolicy Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("expected a JSON object");
        foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("failOn" or "accepted" or "$schema")))
            throw new InvalidDataException($"unknown key '{property.Name}' (expected failOn, accepted)");
        var failOn = root.TryGetProperty("failOn", out var severities)
            ? severities.EnumerateArray().Select(s => ParseSeverity(s.GetString())).ToHashSet()
            : Default.FailOn.ToHashSet();
        var accepted = root.TryGetProperty("accepted", out var items)
            ? items.EnumerateArray().Select((item, index) => ParseAcceptance(item, index)).ToList()
            : [];
        return new ScanPolicy(failOn, accepted);
    }

    private static Severity ParseSeverity(string? text) =>
        Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && Enum.IsDefined(severity) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? severity
            : throw new InvalidDataException($"unknown severity '{text}' in failOn (expected UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)");

    private static Acceptance ParseAcceptance(JsonElement item, int index)
    {
        string Field(string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw new InvalidDataException($"accepted[{index}] has no {name}");
        var expires = Field("expires");
        return DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Acceptance(Field("id"), Field("reason"), date)
            : throw new InvalidDataException($"accepted[{index}] expires '{expires}' is not a date (yyyy-MM-dd)");
    }
}

/// <summary>A finding (by id) accepted until the end of <see cref="Expires"/>, for <see cref="Reason"/>.</summary>
public sealed record Acceptance(string Id, string Reason, DateOnly Expires);
