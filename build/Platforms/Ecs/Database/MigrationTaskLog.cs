using System.Text.Json.Nodes;
using Pipeline.Aws;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// Where the migration container's output goes: the awslogs group and stream prefix of its task definition, else
/// the environment's log group with the container's name as prefix (how the platform's task definitions are made).
/// The stream is &lt;prefix&gt;/&lt;container&gt;/&lt;task id&gt;, as awslogs names it.
/// </summary>
internal sealed record MigrationTaskLog(string Group, string StreamPrefix)
{
    public static MigrationTaskLog For(JsonObject taskDefinition, string container, EcsNames names)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        ArgumentNullException.ThrowIfNull(names);
        var definition = (taskDefinition["containerDefinitions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(c => (string?)c["name"] == container);
        var logging = definition?["logConfiguration"] as JsonObject;
        var options = (string?)logging?["logDriver"] == "awslogs" ? logging?["options"] as JsonObject : null;
        return new MigrationTaskLog((string?)options?["awslogs-group"] ?? names.LogGroup, (string?)options?["awslogs-stream-prefix"] ?? container);
    }

    public string StreamOf(string container, string taskArn) => CloudWatchLogs.EcsStreamName(StreamPrefix, container, taskArn);
}
