using System.Text.Json;

namespace Pipeline.Delivery.Smoke;

/// <summary>
/// The string-valued top-level fields of a JSON object body, by name: all the checks read. Null when the body is
/// not a JSON object, which the checks report as it came back rather than as an exception.
/// </summary>
public static class JsonStrings
{
    public static IReadOnlyDictionary<string, string>? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            return document.RootElement.EnumerateObject()
                .Where(field => field.Value.ValueKind == JsonValueKind.String)
                .GroupBy(field => field.Name, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Last().Value.GetString()!, StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
