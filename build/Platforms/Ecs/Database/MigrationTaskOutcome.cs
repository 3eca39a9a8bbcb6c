using Pipeline.Aws;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// What a stopped migration task says: it succeeded only when every container exited with 0. A container without an
/// exit code never ran its command (the image could not be pulled, a secret could not be read…): the task's
/// stoppedReason says why, and is the failure.
/// </summary>
internal sealed record MigrationTaskOutcome(bool Succeeded, IReadOnlyDictionary<string, int?> ExitCodes, string Summary)
{
    public static MigrationTaskOutcome Of(EcsTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var codes = task.Containers.ToDictionary(c => c.Name, c => c.ExitCode, StringComparer.Ordinal);
        var failed = task.Containers.Where(c => c.ExitCode != 0).ToList();
        if (task.Containers.Count > 0 && failed.Count == 0)
            return new(true, codes, $"every container exited with 0 ({string.Join(", ", codes.Keys)})");

        var reasons = failed.Select(c => c.ExitCode is { } code
            ? $"container {c.Name} exited with {code}{(string.IsNullOrEmpty(c.Reason) ? "" : $" ({c.Reason})")}"
            : $"container {c.Name} has no exit code{(string.IsNullOrEmpty(c.Reason) ? "" : $" ({c.Reason})")}");
        var stopped = string.Join(": ", new[] { task.StopCode, task.StoppedReason }.Where(s => !string.IsNullOrEmpty(s)));
        var summary = task.Containers.Count == 0 ? "the task has no containers" : string.Join("; ", reasons);
        return new(false, codes, stopped.Length > 0 ? $"{summary}; the task stopped with {stopped}" : summary);
    }
}
