using Pipeline.Aws;
using Pipeline.Delivery.Roles;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// How the ECS platform reads a color's rollout (ObserveAsync): from the service's deployments and events and the
/// stopped tasks of our revision, whether it runs, still starts, or failed. Running needs ECS's own verdict (the PRIMARY
/// deployment of our revision COMPLETED with every task running): after a circuit-breaker rollback the service runs
/// again, but the old revision, so a rollback is never Running.
/// </summary>
public static class EcsRollout
{
    private const int EventsShown = 3;

    public static ColorStatus Evaluate(EcsService service, string ourRevisionArn, IReadOnlyList<EcsTask> stoppedTasks)
    {
        var primary = service.Primary;
        var ours = service.Deployments.Where(d => d.TaskDefinition == ourRevisionArn).OrderByDescending(d => d.CreatedAt).FirstOrDefault();
        // Tasks of our revision that stopped in this rollout: a reused revision's earlier tasks, and tasks stopped
        // because the service was scaled in or a person stopped them, say nothing about this rollout.
        var failedTasks = stoppedTasks
            .Where(t => t.TaskDefinitionArn == ourRevisionArn && (ours?.CreatedAt is not { } since || t.StoppedAt is not { } stopped || stopped >= since))
            .Where(t => t.StopCode != "UserInitiated" && t.StoppedReason?.StartsWith("Scaling activity initiated", StringComparison.Ordinal) != true)
            .ToList();
        var recentEvents = service.Events.Where(e => ours?.CreatedAt is not { } since || e.CreatedAt >= since).ToList();

        if (ours?.RolloutState == "FAILED")
            return Failed($"deployment {ours.Id} of {Revision(ourRevisionArn)} FAILED: {ours.RolloutStateReason ?? "no reason given"}", service, failedTasks);
        if (primary is not null && primary.TaskDefinition != ourRevisionArn)
        {
            return ours is null
                ? Failed($"ECS rolled back: the PRIMARY deployment {primary.Id} runs {Revision(primary.TaskDefinition)}, not {Revision(ourRevisionArn)}", service, failedTasks)
                : Failed($"deployment {primary.Id} of {Revision(primary.TaskDefinition)} replaced ours ({ours.Id} of {Revision(ourRevisionArn)})", service, failedTasks);
        }

        if (recentEvents.FirstOrDefault(e => IsRollback(e.Message)) is { } rollback)
            return Failed($"ECS is rolling back {Revision(ourRevisionArn)}: {rollback.Message}", service, failedTasks);
        if (service.DesiredCount == 0)
            return new ColorStatus(ColorState.Stopped, $"desired 0, running {service.RunningCount} ({Revision(ourRevisionArn)})");
        if (failedTasks.Count > 0)
            return Failed($"{failedTasks.Count} task(s) of {Revision(ourRevisionArn)} stopped", service, failedTasks);
        if (primary is { RolloutState: "COMPLETED" } && primary.RunningCount == primary.DesiredCount)
            return new ColorStatus(ColorState.Running, $"running {primary.RunningCount}/desired {primary.DesiredCount} of {Revision(ourRevisionArn)}, deployment {primary.Id} COMPLETED");

        var progress = $"running {primary?.RunningCount ?? service.RunningCount}/desired {primary?.DesiredCount ?? service.DesiredCount}, deployments: {Deployments(service)}";
        return new ColorStatus(ColorState.Starting, Latest(service).FirstOrDefault() is { } latest ? $"{progress}; latest event: {latest.Message}" : progress);
    }

    private static bool IsRollback(string message) =>
        message.Contains("rolling back", StringComparison.OrdinalIgnoreCase) || message.Contains("circuit breaker", StringComparison.OrdinalIgnoreCase);

    /// <summary>A failure: why, the distinct reasons our tasks stopped (with container exit codes), the latest events.</summary>
    private static ColorStatus Failed(string why, EcsService service, IReadOnlyList<EcsTask> failedTasks)
    {
        var reasons = failedTasks
            .Select(t => $"{t.StoppedReason ?? t.StopCode ?? "stopped"}{ExitCodes(t)}")
            .GroupBy(r => r, StringComparer.Ordinal)
            .Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key)
            .ToList();
        var parts = new List<string> { why };
        if (reasons.Count > 0)
            parts.Add($"stopped tasks: {string.Join("; ", reasons)}");
        if (service.Events.Count > 0)
            parts.Add($"events: {string.Join(" | ", Latest(service).Take(EventsShown).Select(e => $"{e.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z {e.Message}"))}");
        var exitCode = failedTasks.SelectMany(t => t.Containers).Select(c => c.ExitCode).FirstOrDefault(code => code is not null and not 0);
        return new ColorStatus(ColorState.Failed, string.Join("; ", parts), ExitCode: exitCode);
    }

    private static string ExitCodes(EcsTask task)
    {
        var exits = task.Containers.Where(c => c.ExitCode is not null || c.Reason is not null)
            .Select(c => string.Join(' ', new[] { c.Name, c.ExitCode is { } code ? $"exit {code}" : null, c.Reason }.OfType<string>()))
            .ToList();
        return exits.Count > 0 ? $" ({string.Join(", ", exits)})" : "";
    }

    private static IEnumerable<EcsServiceEvent> Latest(EcsService service) => service.Events.OrderByDescending(e => e.CreatedAt);

    private static string Deployments(EcsService service) =>
        string.Join(", ", service.Deployments.Select(d => $"{d.Status} {Revision(d.TaskDefinition)} {d.RolloutState ?? "?"} {d.RunningCount}/{d.DesiredCount}{(d.FailedTasks > 0 ? $" ({d.FailedTasks} failed)" : "")}"));

    /// <summary>family:revision, the part of a task definition ARN people recognise.</summary>
    private static string Revision(string arn) => arn.Contains('/', StringComparison.Ordinal) ? arn[(arn.LastIndexOf('/') + 1)..] : arn;
}
