using System.Text.Json;

namespace BuildTests.Delivery.Ecs;

/// <summary>
/// How a color's ECS rollout is read, on DescribeServices and DescribeTasks answers shaped like the AWS documentation's
/// (deployments, circuit-breaker events, stopped tasks). Our revision is web:3; web:2 ran before it.
/// </summary>
public class EcsRolloutTests
{
    private const string Ours = "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3";
    private const string Previous = "arn:aws:ecs:us-east-1:012345678910:task-definition/web:2";

    // 2024-05-01T10:00:00Z, when our deployment was created; the previous one a day earlier.
    private const string OurDeployment = """{ "id": "ecs-svc/3333", "status": "PRIMARY", "taskDefinition": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "desiredCount": 2, "pendingCount": 0, "runningCount": 2, "failedTasks": 0, "createdAt": 1714557600.0, "updatedAt": 1714557900.0, "launchType": "FARGATE", "rolloutState": "COMPLETED", "rolloutStateReason": "ECS deployment ecs-svc/3333 completed." }""";

    [Fact]
    public void A_completed_deployment_of_our_revision_with_every_task_running_is_running()
    {
        var status = EcsRollout.Evaluate(Service($"[{OurDeployment}]", """[{ "id": "e1", "createdAt": 1714557900.0, "message": "(service web-blue) has reached a steady state." }]"""), Ours, []);

        Assert.Equal(new ColorStatus(ColorState.Running, "running 2/desired 2 of web:3, deployment ecs-svc/3333 COMPLETED"), status);
    }

    [Fact]
    public void A_rollout_in_progress_is_starting_with_the_counts_the_deployments_and_the_latest_event()
    {
        var service = Service(
            """
            [
              { "id": "ecs-svc/3333", "status": "PRIMARY", "taskDefinition": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "desiredCount": 2, "pendingCount": 1, "runningCount": 1, "failedTasks": 0, "createdAt": 1714557600.0, "rolloutState": "IN_PROGRESS", "rolloutStateReason": "ECS deployment ecs-svc/3333 in progress." },
              { "id": "ecs-svc/2222", "status": "ACTIVE", "taskDefinition": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:2", "desiredCount": 2, "pendingCount": 0, "runningCount": 2, "failedTasks": 0, "createdAt": 1714471200.0, "rolloutState": "COMPLETED", "rolloutStateReason": "ECS deployment ecs-svc/2222 completed." }
            ]
            """,
            """
            [
              { "id": "e2", "createdAt": 1714557660.0, "message": "(service web-blue) registered 1 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:012345678910:targetgroup/web-blue/0123456789abcdef)" },
              { "id": "e1", "createdAt": 1714557610.0, "message": "(service web-blue) has started 2 tasks: (task 0a1b) (task 2c3d)." }
            ]
            """);

        var status = EcsRollout.Evaluate(service, Ours, []);

        Assert.Equal(ColorState.Starting, status.State);
        Assert.Equal(
            "running 1/desired 2, deployments: PRIMARY web:3 IN_PROGRESS 1/2, ACTIVE web:2 COMPLETED 2/2; latest event: "
            + "(service web-blue) registered 1 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:012345678910:targetgroup/web-blue/0123456789abcdef)",
            status.Detail);
    }

    [Fact]
    public void A_failed_rollout_is_failed_with_the_circuit_breakers_reason()
    {
        var service = Service(
            """[{ "id": "ecs-svc/3333", "status": "PRIMARY", "taskDefinition": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "desiredCount": 2, "pendingCount": 0, "runningCount": 0, "failedTasks": 10, "createdAt": 1714557600.0, "rolloutState": "FAILED", "rolloutStateReason": "ECS deployment circuit breaker: tasks failed to start." }]""",
            """[{ "id": "e1", "createdAt": 1714558200.0, "message": "(service web-blue) (deployment ecs-svc/3333) deployment failed: tasks failed to start." }]""");

        var status = EcsRollout.Evaluate(service, Ours, []);

        Assert.Equal(
            new ColorStatus(ColorState.Failed, "deployment ecs-svc/3333 of web:3 FAILED: ECS deployment circuit breaker: tasks failed to start.; "
                + "events: 2024-05-01 10:10:00Z (service web-blue) (deployment ecs-svc/3333) deployment failed: tasks failed to start."),
            status);
    }

    [Fact]
    public void A_circuit_breaker_rollback_is_failed_while_it_runs_and_after_it_completed()
    {
        const string Events = """
            [
              { "id": "e3", "createdAt": 1714558320.0, "message": "(service web-blue) has reached a steady state." },
              { "id": "e2", "createdAt": 1714558210.0, "message": "(service web-blue) (deployment ecs-svc/3333) deployment failed: tasks failed to start. Rolling back to deployment ecs-svc/4444." },
              { "id": "e1", "createdAt": 1714558200.0, "message": "(service web-blue) has started 1 tasks: (task 5e6f)." },
              { "id": "e0", "createdAt": 1714557610.0, "message": "(service web-blue) has started 2 tasks: (task 0a1b) (task 2c3d)." }
            ]
            """;
        var rollingBack = Service(
            """
            [
              { "id": "ecs-svc/4444", "status": "PRIMARY", "taskDefinition": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:2", "desiredCount": 2, "pendingCount": 0, "runningCount": 2, "failedTasks": 0, "createdAt": 1714558205.0, "rolloutState": "IN_PROGRESS", "rolloutStateReason": "ECS deployment detected a failure. Rolling back to the last successful deployment." },
              { "id": "ecs-svc/3333", "status": "ACTIVE", "taskDefinition": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "desiredCount": 0, "pendingCount": 0, "runningCount": 0, "failedTasks": 3, "createdAt": 1714557600.0, "rolloutState": "FAILED", "rolloutStateReason": "ECS deployment circuit breaker: tasks failed to start." }
            ]
            """,
            Events);
        var rolledBack = Service(
            """[{ "id": "ecs-svc/4444", "status": "PRIMARY", "taskDefinition": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:2", "desiredCount": 2, "pendingCount": 0, "runningCount": 2, "failedTasks": 0, "createdAt": 1714558205.0, "rolloutState": "COMPLETED", "rolloutStateReason": "ECS deployment ecs-svc/4444 completed." }]""",
            Events);

        var during = EcsRollout.Evaluate(rollingBack, Ours, []);
        var after = EcsRollout.Evaluate(rolledBack, Ours, []);

        Assert.Equal(ColorState.Failed, during.State);
        Assert.StartsWith("deployment ecs-svc/3333 of web:3 FAILED: ECS deployment circuit breaker: tasks failed to start.; events: 2024-05-01 10:12:00Z", during.Detail, StringComparison.Ordinal);
        Assert.Equal(ColorState.Failed, after.State);
        Assert.Equal(
            "ECS rolled back: the PRIMARY deployment ecs-svc/4444 runs web:2, not web:3; events: 2024-05-01 10:12:00Z (service web-blue) has reached a steady state. | "
            + "2024-05-01 10:10:10Z (service web-blue) (deployment ecs-svc/3333) deployment failed: tasks failed to start. Rolling back to deployment ecs-svc/4444. | "
            + "2024-05-01 10:10:00Z (service web-blue) has started 1 tasks: (task 5e6f).",
            after.Detail);
    }

    [Fact]
    public void A_rolling_back_event_since_our_deployment_fails_it_before_the_deployments_change_and_an_older_one_does_not()
    {
        var inProgress = OurDeployment.Replace("\"COMPLETED\"", "\"IN_PROGRESS\"", StringComparison.Ordinal).Replace("\"runningCount\": 2", "\"runningCount\": 1", StringComparison.Ordinal);
        const string Message = "(service web-blue) (deployment ecs-svc/3333) deployment circuit breaker: rolling back to deployment ecs-svc/2222.";

        var now = EcsRollout.Evaluate(Service($"[{inProgress}]", $$"""[{ "id": "e1", "createdAt": 1714557700.0, "message": "{{Message}}" }]"""), Ours, []);
        var before = EcsRollout.Evaluate(Service($"[{inProgress}]", $$"""[{ "id": "e1", "createdAt": 1714550000.0, "message": "{{Message}}" }]"""), Ours, []);

        Assert.Equal(ColorState.Failed, now.State);
        Assert.StartsWith($"ECS is rolling back web:3: {Message}", now.Detail, StringComparison.Ordinal);
        Assert.Equal(ColorState.Starting, before.State);
    }

    [Fact]
    public void Stopped_tasks_of_our_revision_fail_it_with_their_reasons_and_exit_codes()
    {
        var inProgress = OurDeployment.Replace("\"COMPLETED\"", "\"IN_PROGRESS\"", StringComparison.Ordinal).Replace("\"runningCount\": 2", "\"runningCount\": 0", StringComparison.Ordinal);
        var stopped = Tasks(
            """
            [
              { "taskArn": "arn:aws:ecs:us-east-1:012345678910:task/web/0a1b", "taskDefinitionArn": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "lastStatus": "STOPPED", "desiredStatus": "STOPPED", "stopCode": "EssentialContainerExited", "stoppedReason": "Essential container in task exited", "stoppedAt": "2024-05-01T10:01:30.000000+00:00", "startedBy": "ecs-svc/3333",
                "containers": [{ "containerArn": "arn:aws:ecs:us-east-1:012345678910:container/web/0a1b/c1", "name": "app", "lastStatus": "STOPPED", "exitCode": 139, "healthStatus": "UNKNOWN" }] },
              { "taskArn": "arn:aws:ecs:us-east-1:012345678910:task/web/2c3d", "taskDefinitionArn": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "lastStatus": "STOPPED", "desiredStatus": "STOPPED", "stopCode": "EssentialContainerExited", "stoppedReason": "Essential container in task exited", "stoppedAt": "2024-05-01T10:01:40.000000+00:00", "startedBy": "ecs-svc/3333",
                "containers": [{ "containerArn": "arn:aws:ecs:us-east-1:012345678910:container/web/2c3d/c1", "name": "app", "lastStatus": "STOPPED", "exitCode": 139, "healthStatus": "UNKNOWN" }] },
              { "taskArn": "arn:aws:ecs:us-east-1:012345678910:task/web/4e5f", "taskDefinitionArn": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "lastStatus": "STOPPED", "desiredStatus": "STOPPED", "stopCode": "TaskFailedToStart", "stoppedReason": "CannotPullContainerError: pull image manifest has been retried 1 time(s)", "stoppedAt": "2024-05-01T10:02:00.000000+00:00", "startedBy": "ecs-svc/3333",
                "containers": [{ "containerArn": "arn:aws:ecs:us-east-1:012345678910:container/web/4e5f/c1", "name": "app", "lastStatus": "STOPPED", "reason": "CannotPullContainerError: manifest unknown" }] }
            ]
            """);

        var status = EcsRollout.Evaluate(Service($"[{inProgress}]", """[{ "id": "e1", "createdAt": 1714557610.0, "message": "(service web-blue) has started 2 tasks: (task 0a1b) (task 2c3d)." }]"""), Ours, stopped);

        Assert.Equal(
            new ColorStatus(
                ColorState.Failed,
                "3 task(s) of web:3 stopped; stopped tasks: Essential container in task exited (app exit 139) ×2; "
                + "CannotPullContainerError: pull image manifest has been retried 1 time(s) (app CannotPullContainerError: manifest unknown); "
                + "events: 2024-05-01 10:00:10Z (service web-blue) has started 2 tasks: (task 0a1b) (task 2c3d).",
                ExitCode: 139),
            status);
    }

    [Fact]
    public void Stopped_tasks_of_an_earlier_rollout_another_revision_or_a_scale_in_say_nothing_about_this_one()
    {
        var stopped = Tasks(
            """
            [
              { "taskArn": "arn:aws:ecs:us-east-1:012345678910:task/web/old1", "taskDefinitionArn": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "lastStatus": "STOPPED", "desiredStatus": "STOPPED", "stopCode": "EssentialContainerExited", "stoppedReason": "Essential container in task exited", "stoppedAt": 1714471300.0,
                "containers": [{ "name": "app", "lastStatus": "STOPPED", "exitCode": 1 }] },
              { "taskArn": "arn:aws:ecs:us-east-1:012345678910:task/web/prev", "taskDefinitionArn": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:2", "lastStatus": "STOPPED", "desiredStatus": "STOPPED", "stopCode": "EssentialContainerExited", "stoppedReason": "Essential container in task exited", "stoppedAt": 1714557800.0,
                "containers": [{ "name": "app", "lastStatus": "STOPPED", "exitCode": 1 }] },
              { "taskArn": "arn:aws:ecs:us-east-1:012345678910:task/web/scale", "taskDefinitionArn": "arn:aws:ecs:us-east-1:012345678910:task-definition/web:3", "lastStatus": "STOPPED", "desiredStatus": "STOPPED", "stopCode": "ServiceSchedulerInitiated", "stoppedReason": "Scaling activity initiated by (deployment ecs-svc/3333)", "stoppedAt": 1714557800.0,
                "containers": [{ "name": "app", "lastStatus": "STOPPED", "exitCode": 0 }] }
            ]
            """);

        Assert.Equal(ColorState.Running, EcsRollout.Evaluate(Service($"[{OurDeployment}]"), Ours, stopped).State);
    }

    [Fact]
    public void A_service_scaled_to_zero_is_stopped()
    {
        var scaledIn = OurDeployment.Replace("\"desiredCount\": 2", "\"desiredCount\": 0", StringComparison.Ordinal).Replace("\"runningCount\": 2", "\"runningCount\": 0", StringComparison.Ordinal);

        var status = EcsRollout.Evaluate(Service($"[{scaledIn}]", desired: 0, running: 0), Ours, []);

        Assert.Equal(new ColorStatus(ColorState.Stopped, "desired 0, running 0 (web:3)"), status);
    }

    [Fact]
    public void A_describe_services_answer_reads_into_the_service_and_its_deployments()
    {
        var service = Service($"[{OurDeployment}]");

        Assert.Equal(("web-blue", "ACTIVE", Ours, 2), (service.Name, service.Status, service.TaskDefinition, service.DesiredCount));
        Assert.Equal(new EcsServiceLoadBalancer("arn:aws:elasticloadbalancing:us-east-1:012345678910:targetgroup/web-blue/0123456789abcdef", "app", 8080), Assert.Single(service.LoadBalancers));
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), service.Primary!.CreatedAt);
        Assert.Equal("DISABLED", service.NetworkConfiguration!["awsvpcConfiguration"]!["assignPublicIp"]!.GetValue<string>());
    }

    /// <summary>One service of a DescribeServices answer: the documentation's shape, with the deployments and events given.</summary>
    private static EcsService Service(string deployments, string events = "[]", int desired = 2, int running = 2)
    {
        var answer = $$"""
            {
              "failures": [],
              "services": [
                {
                  "serviceArn": "arn:aws:ecs:us-east-1:012345678910:service/web/web-blue",
                  "serviceName": "web-blue",
                  "clusterArn": "arn:aws:ecs:us-east-1:012345678910:cluster/web",
                  "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:012345678910:targetgroup/web-blue/0123456789abcdef", "containerName": "app", "containerPort": 8080 }],
                  "status": "ACTIVE",
                  "desiredCount": {{desired}},
                  "runningCount": {{running}},
                  "pendingCount": 0,
                  "launchType": "FARGATE",
                  "platformVersion": "LATEST",
                  "taskDefinition": "{{Ours}}",
                  "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true }, "maximumPercent": 200, "minimumHealthyPercent": 100 },
                  "deployments": {{deployments}},
                  "events": {{events}},
                  "createdAt": 1714471200.0,
                  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"], "assignPublicIp": "DISABLED" } },
                  "schedulingStrategy": "REPLICA",
                  "deploymentController": { "type": "ECS" }
                }
              ]
            }
            """;
        using var document = JsonDocument.Parse(answer);
        return EcsService.From(document.RootElement.GetProperty("services")[0]);
    }

    /// <summary>The tasks of a DescribeTasks answer.</summary>
    private static List<EcsTask> Tasks(string tasks)
    {
        using var document = JsonDocument.Parse($$"""{ "failures": [], "tasks": {{tasks}} }""");
        return [.. document.RootElement.GetProperty("tasks").EnumerateArray().Select(EcsTask.From)];
    }
}
