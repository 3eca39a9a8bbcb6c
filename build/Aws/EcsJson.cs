using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>
/// Reading ECS answers, whose members are often absent (an optional field is left out, not null), and writing ECS's
/// tag lists ([{"key","value"}]); CloudWatch Logs' answers are read the same way. Timestamps are epoch seconds in the API; the CLI and the documentation's examples
/// print ISO 8601 text, so both are read.
/// </summary>
internal static class EcsJson
{
    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string RequiredText(JsonElement element, string name) =>
        Text(element, name) ?? throw new InvalidOperationException($"AWS answered without '{name}'.");

    public static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static DateTimeOffset? Time(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Number)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetDouble() * 1000));
        return value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var text) ? text : null;
    }

    public static IReadOnlyList<T> List<T>(JsonElement element, string name, Func<JsonElement, T> read) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(read)] : [];

    public static IReadOnlyDictionary<string, string> Tags(JsonElement element, string name) =>
        List(element, name, t => (Key: RequiredText(t, "key"), Value: Text(t, "value") ?? ""))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    public static JsonArray Tags(IReadOnlyDictionary<string, string> tags) =>
        [.. tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value })];

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    /// <summary>An independent, editable copy of an answer's object.</summary>
    public static JsonObject? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? JsonNode.Parse(value.GetRawText())!.AsObject() : null;
}
