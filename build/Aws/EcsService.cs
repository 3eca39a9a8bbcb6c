using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>What CreateService makes: a Fargate service of one revision behind one target group, in awsvpc networking.</summary>
public sealed record EcsServiceSpec(
    string Cluster,
    string Name,
    string TaskDefinitionArn,
    int DesiredCount,
    string TargetGroupArn,
    string ContainerName,
    int ContainerPort,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string> SecurityGroups,
    bool AssignPublicIp,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>A service as DescribeServices shows it: its counts, its deployments (PRIMARY is the newest), its events (newest first).</summary>
public sealed record EcsService(
    string Arn,
    string Name,
    string Status,
    string TaskDefinition,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    IReadOnlyList<EcsDeployment> Deployments,
    IReadOnlyList<EcsServiceEvent> Events,
    IReadOnlyList<EcsServiceLoadBalancer> LoadBalancers,
    JsonObject? NetworkConfiguration)
{
    /// <summary>The deployment ECS is rolling out or keeps running: the one of the service's current revision.</summary>
    public EcsDeployment? Primary => Deployments.FirstOrDefault(d => d.Status == "PRIMARY");

    /// <summary>One service of a DescribeServices (or Create/UpdateService) answer.</summary>
    public static EcsService From(JsonElement service) => new(
        EcsJson.RequiredText(service, "serviceArn"),
        EcsJson.RequiredText(service, "serviceName"),
        EcsJson.Text(service, "status") ?? "ACTIVE",
        EcsJson.Text(service, "taskDefinition") ?? "",
        EcsJson.Number(service, "desiredCount") ?? 0,
        EcsJson.Number(service, "runningCount") ?? 0,
        EcsJson.Number(service, "pendingCount") ?? 0,
        EcsJson.List(service, "deployments", EcsDeployment.From),
        [.. EcsJson.List(service, "events", EcsServiceEvent.From).OrderByDescending(e => e.CreatedAt)],
        [.. EcsJson.List(service, "loadBalancers", EcsServiceLoadBalancer.From).OfType<EcsServiceLoadBalancer>()],
        EcsJson.Object(service, "networkConfiguration") is { Count: > 0 } network ? network : null);
}

/// <summary>
/// One rolling update of a service: PRIMARY (the newest), ACTIVE (older ones still draining) or INACTIVE; rolloutState
/// IN_PROGRESS, COMPLETED or FAILED (the circuit breaker's verdict); failedTasks counts consecutive failed task starts.
/// </summary>
public sealed record EcsDeployment(
    string Id,
    string Status,
    string TaskDefinition,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    int FailedTasks,
    string? RolloutState,
    string? RolloutStateReason,
    DateTimeOffset? CreatedAt)
{
    public static EcsDeployment From(JsonElement deployment) => new(
        EcsJson.RequiredText(deployment, "id"),
        EcsJson.Text(deployment, "status") ?? "",
        EcsJson.Text(deployment, "taskDefinition") ?? "",
        EcsJson.Number(deployment, "desiredCount") ?? 0,
        EcsJson.Number(deployment, "runningCount") ?? 0,
        EcsJson.Number(deployment, "pendingCount") ?? 0,
        EcsJson.Number(deployment, "failedTasks") ?? 0,
        EcsJson.Text(deployment, "rolloutState"),
        EcsJson.Text(deployment, "rolloutStateReason"),
        EcsJson.Time(deployment, "createdAt"));
}

public sealed record EcsServiceEvent(DateTimeOffset CreatedAt, string Message)
{
    public static EcsServiceEvent From(JsonElement serviceEvent) =>
        new(EcsJson.Time(serviceEvent, "createdAt") ?? DateTimeOffset.MinValue, EcsJson.Text(serviceEvent, "message") ?? "");
}

public sealed record EcsServiceLoadBalancer(string TargetGroupArn, string ContainerName, int ContainerPort)
{
    /// <summary>An ALB/NLB target group entry, or null for a Classic Load Balancer's (which has no target group).</summary>
    public static EcsServiceLoadBalancer? From(JsonElement balancer) =>
        EcsJson.Text(balancer, "targetGroupArn") is { } targetGroup
            ? new(targetGroup, EcsJson.Text(balancer, "containerName") ?? "", EcsJson.Number(balancer, "containerPort") ?? 0)
            : null;
}
