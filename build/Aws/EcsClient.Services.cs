using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>ECS services (rolling updates with the deployment circuit breaker) and tasks (a service's, or a one-off RunTask).</summary>
public sealed partial class EcsClient
{
    /// <summary>
    /// A Fargate service behind one target group. A rolling update keeps every old task until a new one is healthy
    /// (100 % / 200 %), and the circuit breaker rolls a deployment whose tasks keep failing back to the last one that completed.
    /// </summary>
    public async Task<EcsService> CreateService(EcsServiceSpec spec, CancellationToken cancellation)
    {
        var request = new JsonObject
        {
            ["cluster"] = spec.Cluster,
            ["serviceName"] = spec.Name,
            ["taskDefinition"] = spec.TaskDefinitionArn,
            ["desiredCount"] = spec.DesiredCount,
            ["launchType"] = "FARGATE",
            ["loadBalancers"] = new JsonArray(new JsonObject
            {
                ["targetGroupArn"] = spec.TargetGroupArn,
                ["containerName"] = spec.ContainerName,
                ["containerPort"] = spec.ContainerPort,
            }),
            ["networkConfiguration"] = NetworkConfiguration(spec.Subnets, spec.SecurityGroups, spec.AssignPublicIp),
            ["deploymentConfiguration"] = new JsonObject
            {
                ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = true, ["rollback"] = true },
                ["minimumHealthyPercent"] = 100,
                ["maximumPercent"] = 200,
            },
            ["propagateTags"] = "SERVICE",
        };
        if (spec.Tags.Count > 0)
            request["tags"] = EcsJson.Tags(spec.Tags);
        return EcsService.From((await client.CallAsync("CreateService", request, cancellation)).GetProperty("service"));
    }

    /// <summary>A new revision (a new deployment), a new desired count, or both; null leaves that part as it is.</summary>
    public async Task<EcsService> UpdateService(string cluster, string service, string? taskDefinitionArn, int? desiredCount, CancellationToken cancellation, bool forceNewDeployment = false)
    {
        var request = new JsonObject { ["cluster"] = cluster, ["service"] = service };
        if (forceNewDeployment)
            request["forceNewDeployment"] = true;
        if (taskDefinitionArn is not null)
            request["taskDefinition"] = taskDefinitionArn;
        if (desiredCount is { } count)
            request["desiredCount"] = count;
        return EcsService.From((await client.CallAsync("UpdateService", request, cancellation)).GetProperty("service"));
    }

    /// <summary>The services that exist (ECS reports a missing one as a MISSING failure: it is left out); any other failure throws.</summary>
    public async Task<IReadOnlyList<EcsService>> DescribeServices(string cluster, IReadOnlyList<string> names, CancellationToken cancellation)
    {
        var services = new List<EcsService>();
        foreach (var batch in names.Chunk(10)) // ECS describes at most 10 services per call
        {
            var answer = await client.CallAsync("DescribeServices", new JsonObject { ["cluster"] = cluster, ["services"] = EcsJson.Strings(batch) }, cancellation);
            ThrowOnFailures("DescribeServices", answer, ignoredReason: "MISSING");
            services.AddRange(EcsJson.List(answer, "services", EcsService.From));
        }

        return services;
    }

    /// <summary>Task ARNs of the cluster, all pages: a service's (serviceName), a one-off's (startedBy), RUNNING or STOPPED ones.</summary>
    public async Task<IReadOnlyList<string>> ListTasks(string cluster, string? serviceName, string? startedBy, string desiredStatus, CancellationToken cancellation)
    {
        var request = new JsonObject { ["cluster"] = cluster, ["desiredStatus"] = desiredStatus };
        if (serviceName is not null)
            request["serviceName"] = serviceName;
        if (startedBy is not null)
            request["startedBy"] = startedBy;
        return await AllPages("ListTasks", request, "taskArns", cancellation);
    }

    public async Task<IReadOnlyList<EcsTask>> DescribeTasks(string cluster, IReadOnlyList<string> arns, CancellationToken cancellation)
    {
        var tasks = new List<EcsTask>();
        foreach (var batch in arns.Chunk(100)) // ECS describes at most 100 tasks per call, and none is an error
        {
            var answer = await client.CallAsync("DescribeTasks", new JsonObject { ["cluster"] = cluster, ["tasks"] = EcsJson.Strings(batch) }, cancellation);
            ThrowOnFailures("DescribeTasks", answer, ignoredReason: "MISSING");
            tasks.AddRange(EcsJson.List(answer, "tasks", EcsTask.From));
        }

        return tasks;
    }

    /// <summary>One Fargate task of the revision running <see cref="EcsRunTaskRequest.Command"/> in its container instead of the image's command (none: the image's).</summary>
    public async Task<EcsTask> RunTask(EcsRunTaskRequest request, CancellationToken cancellation)
    {
        var answer = await client.CallAsync(
            "RunTask",
            new JsonObject
            {
                ["cluster"] = request.Cluster,
                ["taskDefinition"] = request.TaskDefinitionArn,
                ["launchType"] = "FARGATE",
                ["count"] = 1,
                ["startedBy"] = request.StartedBy,
                ["networkConfiguration"] = request.NetworkConfiguration.DeepClone(),
                ["overrides"] = new JsonObject { ["containerOverrides"] = new JsonArray(ContainerOverride(request)) },
            },
            cancellation);
        ThrowOnFailures("RunTask", answer, ignoredReason: null);
        return EcsJson.List(answer, "tasks", EcsTask.From).FirstOrDefault()
            ?? throw new InvalidOperationException($"ECS RunTask of {request.TaskDefinitionArn} started no task and reported no failure.");
    }

    /// <summary>Stops a task (SIGTERM, then SIGKILL after the stop timeout); the reason shows in the console and in DescribeTasks.</summary>
    public async Task StopTask(string cluster, string taskArn, string reason, CancellationToken cancellation) =>
        await client.CallAsync("StopTask", new JsonObject { ["cluster"] = cluster, ["task"] = taskArn, ["reason"] = reason }, cancellation);

    // No command: the image's own (the service serves); the environment is added to the revision's, and wins over it.
    private static JsonObject ContainerOverride(EcsRunTaskRequest request)
    {
        var container = new JsonObject { ["name"] = request.ContainerName };
        if (request.Command.Count > 0)
            container["command"] = EcsJson.Strings(request.Command);
        if (request.Environment is { Count: > 0 } environment)
            container["environment"] = new JsonArray([.. environment.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (JsonNode)new JsonObject { ["name"] = v.Key, ["value"] = v.Value })]);
        return container;
    }

    /// <summary>awsvpc networking for Fargate tasks: their subnets, security groups, and whether they get a public address.</summary>
    public static JsonObject NetworkConfiguration(IReadOnlyList<string> subnets, IReadOnlyList<string> securityGroups, bool assignPublicIp) => new()
    {
        ["awsvpcConfiguration"] = new JsonObject
        {
            ["subnets"] = EcsJson.Strings(subnets),
            ["securityGroups"] = EcsJson.Strings(securityGroups),
            ["assignPublicIp"] = assignPublicIp ? "ENABLED" : "DISABLED",
        },
    };

    /// <summary>ECS answers partial failures with 200 and a failures list: one line naming each (arn: reason, detail).</summary>
    private static void ThrowOnFailures(string operation, JsonElement answer, string? ignoredReason)
    {
        var failures = EcsJson.List(answer, "failures", f => (Arn: EcsJson.Text(f, "arn"), Reason: EcsJson.Text(f, "reason"), Detail: EcsJson.Text(f, "detail")))
            .Where(f => ignoredReason is null || f.Reason != ignoredReason)
            .ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException(
                $"ECS {operation} failed: {string.Join("; ", failures.Select(f => $"{f.Arn ?? "?"}: {f.Reason ?? "no reason"}{(f.Detail is null ? "" : $" ({f.Detail})")}"))}");
        }
    }
}
