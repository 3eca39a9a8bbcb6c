using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>One revision of a task definition: its ARN, family and revision, the whole definition as ECS describes it, and its tags.</summary>
public sealed record EcsTaskDefinition(string Arn, string Family, int Revision, JsonObject Definition, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>
    /// The members RegisterTaskDefinition accepts. A described revision also carries what ECS adds (taskDefinitionArn,
    /// revision, status, requiresAttributes, compatibilities, registeredAt/By, deregisteredAt), which it refuses back.
    /// </summary>
    private static readonly string[] RegisterFields =
    [
        "family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions", "volumes", "placementConstraints",
        "requiresCompatibilities", "cpu", "memory", "runtimePlatform", "ephemeralStorage", "pidMode", "ipcMode",
        "proxyConfiguration", "inferenceAccelerators", "enableFaultInjection",
    ];

    /// <summary>The revision's name as ECS prints it: family:revision.</summary>
    public string Name => $"{Family}:{Revision}";

    /// <summary>The image of the named container, or null when there is no such container.</summary>
    public string? ImageOf(string container) => ContainerIn(Definition, container)?["image"]?.GetValue<string>();

    /// <summary>A RegisterTaskDefinition request for the same definition with only <paramref name="container"/>'s image replaced.</summary>
    public static JsonObject RegisterRequestWithImage(EcsTaskDefinition from, string container, string image)
    {
        var request = new JsonObject();
        foreach (var field in RegisterFields)
        {
            if (from.Definition[field] is { } value)
                request[field] = value.DeepClone();
        }

        var target = ContainerIn(request, container) ?? throw new InvalidOperationException($"Task definition {from.Name} has no container '{container}' (its containers: {string.Join(", ", from.ContainerNames)}).");
        target["image"] = image;
        return request;
    }

    public static EcsTaskDefinition From(JsonElement answer)
    {
        var definition = answer.GetProperty("taskDefinition");
        return new EcsTaskDefinition(
            EcsJson.RequiredText(definition, "taskDefinitionArn"),
            EcsJson.RequiredText(definition, "family"),
            EcsJson.Number(definition, "revision") ?? 0,
            JsonNode.Parse(definition.GetRawText())!.AsObject(),
            EcsJson.Tags(answer, "tags"));
    }

    /// <summary>The family of a task definition ARN (…:task-definition/family:revision).</summary>
    public static string FamilyOf(string arn) => arn[(arn.LastIndexOf('/') + 1)..arn.LastIndexOf(':')];

    public static int RevisionOf(string arn) => int.Parse(arn[(arn.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    private IEnumerable<string> ContainerNames =>
        (Definition["containerDefinitions"] as JsonArray)?.OfType<JsonObject>().Select(c => c["name"]?.GetValue<string>() ?? "?") ?? [];

    private static JsonObject? ContainerIn(JsonObject definition, string name) =>
        (definition["containerDefinitions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["name"]?.GetValue<string>() == name);
}
