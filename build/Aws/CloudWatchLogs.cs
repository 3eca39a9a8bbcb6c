using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>
/// Amazon CloudWatch Logs' API (awsJson1_1), what the pipeline uses: the log group ECS tasks write to (awslogs), and
/// the last lines of a task's stream to say why it stopped.
/// </summary>
public sealed class CloudWatchLogs(AwsJsonClient client)
{
    public static readonly AwsService Service = new("CloudWatch Logs", "CloudWatch Logs", "logs", "logs", "Logs_20140328", "application/x-amz-json-1.1");

    public CloudWatchLogs(AwsConnection connection)
        : this(new AwsJsonClient(connection, Service))
    {
    }

    /// <summary>The stream ECS's awslogs driver writes a task's container to: &lt;prefix&gt;/&lt;container&gt;/&lt;task id&gt;.</summary>
    public static string EcsStreamName(string prefix, string container, string taskArn) => $"{prefix}/{container}/{taskArn[(taskArn.LastIndexOf('/') + 1)..]}";

    /// <summary>Creates the group when missing (true) and sets its retention either way, so a changed retention applies.</summary>
    public async Task<bool> EnsureLogGroup(string name, int retentionDays, CancellationToken cancellation)
    {
        bool created;
        try
        {
            await client.CallAsync("CreateLogGroup", new JsonObject { ["logGroupName"] = name }, cancellation);
            created = true;
        }
        catch (AwsServiceException e) when (e.Code == "ResourceAlreadyExistsException")
        {
            created = false;
        }

        await client.CallAsync("PutRetentionPolicy", new JsonObject { ["logGroupName"] = name, ["retentionInDays"] = retentionDays }, cancellation);
        return created;
    }

    /// <summary>The stream's last <paramref name="lines"/> events, oldest first; none when the group or stream does not exist (yet).</summary>
    public async Task<IReadOnlyList<LogEvent>> TailLogStream(string group, string stream, int lines, CancellationToken cancellation)
    {
        JsonElement answer;
        try
        {
            answer = await client.CallAsync(
                "GetLogEvents",
                new JsonObject { ["logGroupName"] = group, ["logStreamName"] = stream, ["limit"] = lines, ["startFromHead"] = false },
                cancellation);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            return [];
        }

        return EcsJson.List(answer, "events", LogEvent.From);
    }
}

public sealed record LogEvent(DateTimeOffset Timestamp, string Message)
{
    /// <summary>An event of GetLogEvents: its timestamp is in milliseconds since the epoch.</summary>
    public static LogEvent From(JsonElement logEvent) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(logEvent.TryGetProperty("timestamp", out var time) ? time.GetInt64() : 0),
        EcsJson.Text(logEvent, "message") ?? "");
}
