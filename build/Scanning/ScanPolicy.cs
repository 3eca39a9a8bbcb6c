using System.Globalization;
using System.Text.Json;

namespace Pipeline.Scanning;

/// <summary>
/// The repository's scan policy (scan-policy.json): the severities that fail the build, and findings accepted for a
/// while, each with a reason and an expiry date after which it fails again.
/// <code>{ "failOn": ["HIGH", "CRITICAL"], "accepted": [{ "id": "CVE-2024-1234", "reason": "…", "expires": "2026-03-31" }] }</code>
/// </summary>
public sealed record ScanPolicy(IReadOnlySet<Severity> FailOn, IReadOnlyList<Acceptance> Accepted)
{
    public const string DefaultFile = "scan-policy.json";

    public static readonly ScanPolicy Default = new(new HashSet<Severity> { Severity.High, Severity.Critical }, []);

    private const string SeverityNames = "UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL";

    /// <summary>
    /// The policy in the file; the default when there is no file (Scan lets only <see cref="DefaultFile"/> be absent).
    /// A malformed file is one line naming the field, what it holds and what is expected.
    /// </summary>
    public static ScanPolicy Load(string path, string shownAs)
    {
        if (!File.Exists(path))
            return Default;
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
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
        var failOn = root.TryGetProperty("failOn", out var severities) ? ParseFailOn(severities) : Default.FailOn.ToHashSet();
        var accepted = root.TryGetProperty("accepted", out var items)
            ? List(items, "accepted", "a list of { id, reason, expires }").Select(ParseAcceptance).ToList()
            : [];
        return new ScanPolicy(failOn, accepted);
    }

    // An empty list would pass every finding: a policy that fails nothing is a mistake, not a choice to make silently.
    private static HashSet<Severity> ParseFailOn(JsonElement severities)
    {
        var items = List(severities, "failOn", """a list such as ["HIGH", "CRITICAL"]""");
        return items.Count > 0
            ? items.Select((item, index) => ParseSeverity(item, index)).ToHashSet()
            : throw new InvalidDataException($"failOn is an empty list, which fails nothing (expected one or more of {SeverityNames})");
    }

    private static List<JsonElement> List(JsonElement value, string field, string expected) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw new InvalidDataException($"{field} is {JsonValueText.Describe(value)} (expected {expected})");

    private static Severity ParseSeverity(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"failOn[{index}] is {JsonValueText.Describe(item)} (expected one of {SeverityNames})");
        var text = item.GetString();
        return Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && Enum.IsDefined(severity) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? severity
            : throw new InvalidDataException($"unknown severity '{text}' in failOn (expected {SeverityNames})");
    }

    private static Acceptance ParseAcceptance(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"accepted[{index}] is {JsonValueText.Describe(item)} (expected an object with id, reason and expires)");

        string Field(string name, string expected)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null || value.ValueKind == JsonValueKind.String && value.GetString() is not { Length: > 0 })
                throw new InvalidDataException($"accepted[{index}] has no {name}");
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new InvalidDataException($"accepted[{index}] {name} is {JsonValueText.Describe(value)} (expected {expected})");
        }

        var id = Field("id", "a string such as \"CVE-2024-1234\"");
        var reason = Field("reason", "a string");
        var expires = Field("expires", "a date string \"yyyy-MM-dd\"");
        return DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Acceptance(id, reason, date)
            : throw new InvalidDataException($"accepted[{index}] expires '{expires}' is not a date (yyyy-MM-dd)");
    }
}

/// <summary>A finding (by id) accepted until the end of <see cref="Expires"/>, for <see cref="Reason"/>.</summary>
public sealed record Acceptance(string Id, string Reason, DateOnly Expires);
