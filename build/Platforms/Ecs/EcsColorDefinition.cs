using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Aws;
using Pipeline.Delivery.Roles;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// A task definition revision as a plan compares it: the service container's image, the names of its environment
/// variables and secrets (a secret's value is a reference ECS resolves, and is never shown anyway), the task's cpu and
/// memory (the container's when the task sets none), and the container ports.
/// </summary>
internal static class EcsColorDefinition
{
    public static ColorDefinition From(EcsTaskDefinition revision, string container, string? image = null, DateTimeOffset? since = null)
    {
        var definition = revision.Definition;
        var app = (definition["containerDefinitions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Text(c["name"]) == container)
            ?? throw new InvalidOperationException($"Task definition {revision.Name} has no container '{container}'.");
        var names = Names(app["environment"]).Concat(Names(app["secrets"])).Order(StringComparer.Ordinal).ToList();
        var ports = (app["portMappings"] as JsonArray)?.OfType<JsonObject>().Select(p => p["containerPort"]?.GetValue<int>() ?? 0).Where(p => p > 0).ToList() ?? [];
        return new ColorDefinition(
            image ?? Text(app["image"]) ?? "",
            names,
            Text(definition["cpu"]) ?? Text(app["cpu"]),
            Text(definition["memory"]) ?? Text(app["memory"]),
            ports,
            since);
    }

    private static IEnumerable<string> Names(JsonNode? list) =>
        (list as JsonArray)?.OfType<JsonObject>().Select(v => Text(v["name"]) ?? "").Where(n => n.Length > 0) ?? [];

    /// <summary>ECS writes cpu and memory as strings at the task level and as numbers on a container.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<int>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
