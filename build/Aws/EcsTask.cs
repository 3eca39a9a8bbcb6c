using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>What RunTask starts: one Fargate task of a revision running a command (empty: the image's) in one of its containers.</summary>
public sealed record EcsRunTaskRequest(string Cluster, string TaskDefinitionArn, string ContainerName, IReadOnlyList<string> Command, JsonObject NetworkConfiguration, string StartedBy)
{
    /// <summary>Variables added to the container's (not secrets: RunTask's overrides show in the console and in DescribeTasks).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}

/// <summary>A task as DescribeTasks shows it; once STOPPED, why (stopCode, stoppedReason) and each container's exit code.</summary>
public sealed record EcsTask(
    string Arn,
    string LastStatus,
    string DesiredStatus,
    string TaskDefinitionArn,
    string? StoppedReason,
    string? StopCode,
    IReadOnlyList<EcsContainer> Containers,
    DateTimeOffset? StoppedAt)
{
    /// <summary>The private IPv4 address of its network interface (awsvpc), once it has one.</summary>
    public string? PrivateAddress { get; init; }

    /// <summary>The task's id, the last part of its ARN (what ECS's awslogs stream names end with).</summary>
    public string Id => Arn[(Arn.LastIndexOf('/') + 1)..];

    public static EcsTask From(JsonElement task) => new(
        EcsJson.RequiredText(task, "taskArn"),
        EcsJson.Text(task, "lastStatus") ?? "",
        EcsJson.Text(task, "desiredStatus") ?? "",
        EcsJson.Text(task, "taskDefinitionArn") ?? "",
        EcsJson.Text(task, "stoppedReason") is { Length: > 0 } reason ? reason : null,
        EcsJson.Text(task, "stopCode"),
        EcsJson.List(task, "containers", EcsContainer.From),
        EcsJson.Time(task, "stoppedAt"))
    {
        PrivateAddress = PrivateAddressOf(task),
    };

    private static string? PrivateAddressOf(JsonElement task) =>
        EcsJson.List(task, "attachments", attachment => attachment)
            .Where(attachment => EcsJson.Text(attachment, "type") == "ElasticNetworkInterface")
            .SelectMany(attachment => EcsJson.List(attachment, "details", detail => detail))
            .Where(detail => EcsJson.Text(detail, "name") == "privateIPv4Address")
            .Select(detail => EcsJson.Text(detail, "value"))
            .FirstOrDefault(address => address is { Length: > 0 });
}

public sealed record EcsContainer(string Name, int? ExitCode, string? Reason, string LastStatus)
{
    public static EcsContainer From(JsonElement container) => new(
        EcsJson.Text(container, "name") ?? "",
        EcsJson.Number(container, "exitCode"),
        EcsJson.Text(container, "reason"),
        EcsJson.Text(container, "lastStatus") ?? "");
}
