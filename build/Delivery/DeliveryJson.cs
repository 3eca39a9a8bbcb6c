using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Delivery;

/// <summary>How the delivery's records under artifacts/ are written (deployment.json, deploy-plan.json): camelCase, enums as words, nulls left out.</summary>
internal static class DeliveryJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
