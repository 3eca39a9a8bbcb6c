using System.Text.Json.Nodes;

namespace BuildTests.Aws;

/// <summary>The CloudWatch Logs client against moto: an idempotent log group, and the tail of a task's stream.</summary>
public class CloudWatchLogsTests
{
    [MotoAwsCliFact]
    public async Task A_log_group_is_created_once_and_keeps_the_retention_asked_for()
    {
        using var client = EcsTests.Client(CloudWatchLogs.Service);
        var logs = new CloudWatchLogs(client);
        var group = "/ecs/" + EcsTests.Unique("ensure");

        var created = await logs.EnsureLogGroup(group, 14, CancellationToken.None);
        var again = await logs.EnsureLogGroup(group, 30, CancellationToken.None);

        Assert.True(created);
        Assert.False(again);
        Assert.Equal("30", MotoAwsCli.Run("logs", "describe-log-groups", "--log-group-name-prefix", group, "--query", "logGroups[0].retentionInDays"));
    }

    [MotoFact]
    public async Task The_tail_is_the_streams_last_lines_oldest_first_and_nothing_for_a_missing_stream()
    {
        using var client = EcsTests.Client(CloudWatchLogs.Service);
        var logs = new CloudWatchLogs(client);
        var group = "/ecs/" + EcsTests.Unique("tail");
        var stream = CloudWatchLogs.EcsStreamName("app", "app", "arn:aws:ecs:us-east-1:123456789012:task/web/0a1b2c3d");
        await logs.EnsureLogGroup(group, 7, CancellationToken.None);
        // Recent: CloudWatch Logs drops events older than the group's retention (moto too).
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        await client.CallAsync("CreateLogStream", new JsonObject { ["logGroupName"] = group, ["logStreamName"] = stream }, CancellationToken.None);
        await client.CallAsync(
            "PutLogEvents",
            new JsonObject
            {
                ["logGroupName"] = group,
                ["logStreamName"] = stream,
                ["logEvents"] = new JsonArray([.. Enumerable.Range(1, 5).Select(i => (JsonNode)new JsonObject { ["timestamp"] = start.AddSeconds(i).ToUnixTimeMilliseconds(), ["message"] = $"line {i}" })]),
            },
            CancellationToken.None);

        var tail = await logs.TailLogStream(group, stream, 3, CancellationToken.None);

        Assert.Equal("app/app/0a1b2c3d", stream);
        Assert.Equal([new LogEvent(start.AddSeconds(3), "line 3"), new LogEvent(start.AddSeconds(4), "line 4"), new LogEvent(start.AddSeconds(5), "line 5")], tail);
        Assert.Empty(await logs.TailLogStream(group, "app/app/missing", 3, CancellationToken.None));
        Assert.Empty(await logs.TailLogStream(group + "-missing", stream, 3, CancellationToken.None));
    }
}
