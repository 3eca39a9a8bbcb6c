using System.Text.Json.Nodes;
using Engine;
using Pipeline.Aws;
using Pipeline.Waiting;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// The one-off ECS task that migrates: the release's task definition revision with the <c>migrate</c> command
/// override, in the service's network; waited for until it stops, then judged by its containers' exit codes, its
/// log's tail printed (redacted). Started by MigrateDb so a console shows who started it.
/// </summary>
internal sealed class MigrationTask(EcsClient ecs, CloudWatchLogs logs, Awaiting awaiting)
{
    public const string StartedBy = "MigrateDb";
    public const int TailLines = 40;

    /// <param name="environment">Variables the task gets beside its revision's (RecoveryDrill's DATABASE_HOST).</param>
    /// <param name="startedBy">Who the console says started it: MigrateDb, or RecoveryDrill.</param>
    public async Task<MigrationTaskResult> RunAsync(
        EcsNames names, EcsTaskDefinition revision, JsonObject network, IReadOnlyList<string> command, TimeSpan deadline, CancellationToken cancellation,
        IReadOnlyDictionary<string, string>? environment = null, string startedBy = StartedBy)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(revision);
        Log.Information($"Running '{string.Join(' ', command)}' as a one-off task of {revision.Family}:{revision.Revision} in cluster {names.Cluster}…");
        var started = await ecs.RunTask(
            new EcsRunTaskRequest(names.Cluster, revision.Arn, names.Container, command, network, startedBy) { Environment = environment }, cancellation);
        Log.Information($"Started task {started.Arn} ({started.LastStatus}).");
        EcsTask stopped;
        try
        {
            stopped = await awaiting.UntilAsync(
                $"Migration task {started.Id}",
                deadline,
                async token => (await ecs.DescribeTasks(names.Cluster, [started.Arn], token)).FirstOrDefault()
                    ?? throw new InvalidOperationException($"ECS no longer knows task {started.Arn}: it stopped over an hour ago, or was never started."),
                seen => seen.LastStatus == "STOPPED" ? Look.Reached(seen.LastStatus) : Look.Pending(seen.LastStatus),
                cancellation);
        }
        catch (WaitFailedException e) when (e.TimedOut)
        {
            // Not stopped by us: a migration cut off half-way is worse than one that finishes late.
            throw new InvalidOperationException(
                $"{e.Message}. The task is still running; wait for it (aws ecs wait tasks-stopped --cluster {names.Cluster} --tasks {started.Arn}) or stop it (aws ecs stop-task).", e);
        }

        var outcome = MigrationTaskOutcome.Of(stopped);
        var lines = await TailAsync(MigrationTaskLog.For(revision.Definition, names.Container, names), names.Container, stopped.Arn, cancellation);
        return new MigrationTaskResult(stopped, outcome, lines);
    }

    // The log helps whoever reads the failure; its absence is said, never a reason to fail a task that exited 0.
    internal async Task<IReadOnlyList<string>> TailAsync(MigrationTaskLog log, string container, string taskArn, CancellationToken cancellation)
    {
        var stream = log.StreamOf(container, taskArn);
        try
        {
            var events = await logs.TailLogStream(log.Group, stream, TailLines, cancellation);
            var lines = events.Select(e => SecretRedaction.Redact(e.Message.TrimEnd())).ToList();
            Log.Information(lines.Count == 0 ? $"The task's log {log.Group} {stream} has no lines." : $"The last {lines.Count} line(s) of {log.Group} {stream}:");
            foreach (var line in lines)
                Log.Information("  | " + line);
            return lines;
        }
        catch (AwsServiceException e)
        {
            Log.Warning($"Could not read the task's log {log.Group} {stream}: {e.Code}: {e.Detail}");
            return [];
        }
    }

    public static string TaskId(string arn) => arn[(arn.LastIndexOf('/') + 1)..];
}

/// <summary>The stopped task, what its exit codes say, and the tail of its log.</summary>
internal sealed record MigrationTaskResult(EcsTask Task, MigrationTaskOutcome Outcome, IReadOnlyList<string> LogTail);
