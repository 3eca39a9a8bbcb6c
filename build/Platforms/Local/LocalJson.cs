using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Platforms.Local;

/// <summary>How the local platform's files (state.json, lock.json) are written: camelCase, colors as "blue"/"green".</summary>
internal static class LocalJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // ColorRelease.Digest is derived from Image: not stored twice.
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
