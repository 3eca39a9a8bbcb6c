using System.Text.Json;

namespace TestSupport;

/// <summary>The service's console log as tests read it: one JSON object a line, with Category, EventId and State.</summary>
internal static class ServiceLog
{
    /// <summary>The entry a line holds, or null for a line that is not a JSON object (a stack trace, the runtime's own text).</summary>
    public static JsonElement? Parse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Only looks like JSON: kept as output by the caller. Throwing here, on the reader's thread, would take down the test host.
            return null;
        }
    }

    public static bool IsEvent(JsonElement entry, string category, int eventId) =>
        entry.TryGetProperty("Category", out var name) && name.GetString() == category
        && entry.TryGetProperty("EventId", out var id) && id.GetInt32() == eventId;

    /// <summary>The address in Kestrel's "Now listening on" entry (Microsoft.Hosting.Lifetime event 14), else null.</summary>
    public static Uri? ListeningAddress(JsonElement entry) =>
        IsEvent(entry, "Microsoft.Hosting.Lifetime", 14)
        && entry.TryGetProperty("State", out var state)
        && state.TryGetProperty("address", out var address)
        && address.GetString() is { } text
            ? new Uri(text)
            : null;
}
