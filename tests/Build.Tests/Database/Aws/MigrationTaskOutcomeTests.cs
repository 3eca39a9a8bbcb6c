using System.Text.Json;

namespace BuildTests.Database.Aws;

/// <summary>
/// How a stopped migration task is judged, on DescribeTasks answers shaped like the ECS API reference's examples
/// (a task, its containers with exitCode and reason, the task's stopCode and stoppedReason).
/// </summary>
public sealed class MigrationTaskOutcomeTests
{
    private const string Arn = "arn:aws:ecs:us-east-1:012345678910:task/app-staging/1dc5c17a422548f8b7b5d9d5e4e1f6c8";

    [Fact]
    public void Every_container_exiting_with_0_is_success()
    {
        var outcome = MigrationTaskOutcome.Of(Task(Container("app", 0)));

        Assert.True(outcome.Succeeded);
        Assert.Equal(new Dictionary<string, int?> { ["app"] = 0 }, outcome.ExitCodes);
    }

    [Fact]
    public void A_non_zero_exit_code_is_a_failure_naming_the_container_and_code()
    {
        var outcome = MigrationTaskOutcome.Of(Task(Container("app", 1), stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited"));

        Assert.False(outcome.Succeeded);
        Assert.Equal("container app exited with 1; the task stopped with EssentialContainerExited: Essential container in task exited", outcome.Summary);
    }

    [Fact]
    public void A_missing_exit_code_is_a_failure_with_the_tasks_stopped_reason()
    {
        var outcome = MigrationTaskOutcome.Of(Task(
            """{ "name": "app", "lastStatus": "STOPPED", "reason": "CannotPullContainerError: pull image manifest has been retried 1 time(s)" }""",
            stopCode: "TaskFailedToStart",
            stoppedReason: "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref"));

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.ExitCodes["app"]);
        Assert.StartsWith("container app has no exit code (CannotPullContainerError", outcome.Summary, StringComparison.Ordinal);
        Assert.EndsWith("the task stopped with TaskFailedToStart: CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void With_several_containers_one_failing_is_a_failure_and_every_code_is_kept()
    {
        var outcome = MigrationTaskOutcome.Of(Task(Container("app", 0), Container("log-router", 137)));

        Assert.False(outcome.Succeeded);
        Assert.Equal(new Dictionary<string, int?> { ["app"] = 0, ["log-router"] = 137 }, outcome.ExitCodes);
        Assert.StartsWith("container log-router exited with 137", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_containers_all_exiting_with_0_is_success()
    {
        Assert.True(MigrationTaskOutcome.Of(Task(Container("app", 0), Container("log-router", 0))).Succeeded);
    }

    private static string Container(string name, int exitCode) =>
        $$"""{ "containerArn": "arn:aws:ecs:us-east-1:012345678910:container/app-staging/1dc5/{{name}}", "taskArn": "{{Arn}}", "name": "{{name}}", "lastStatus": "STOPPED", "exitCode": {{exitCode}}, "networkInterfaces": [] }""";

    private static EcsTask Task(string container, string? stopCode = null, string? stoppedReason = null) => Task([container], stopCode, stoppedReason);

    private static EcsTask Task(string first, string second) => Task([first, second], "EssentialContainerExited", "Essential container in task exited");

    private static EcsTask Task(string[] containers, string? stopCode, string? stoppedReason)
    {
        var stopped = stopCode is null ? "" : $$""", "stopCode": "{{stopCode}}", "stoppedReason": "{{stoppedReason}}" """;
        var json = $$"""
            {
              "failures": [],
              "tasks": [{
                "taskArn": "{{Arn}}",
                "clusterArn": "arn:aws:ecs:us-east-1:012345678910:cluster/app-staging",
                "taskDefinitionArn": "arn:aws:ecs:us-east-1:012345678910:task-definition/app-staging:7",
                "overrides": { "containerOverrides": [{ "name": "app", "command": ["migrate", "--lock-timeout", "300"] }] },
                "lastStatus": "STOPPED",
                "desiredStatus": "STOPPED",
                "launchType": "FARGATE",
                "startedBy": "MigrateDb",
                "stoppedAt": 1735787045.123,
                "containers": [{{string.Join(",", containers)}}]{{stopped}}
              }]
            }
            """;
        using var document = JsonDocument.Parse(json);
        return EcsTask.From(document.RootElement.GetProperty("tasks")[0]);
    }
}
