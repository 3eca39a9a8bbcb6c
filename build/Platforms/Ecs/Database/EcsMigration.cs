using System.Diagnostics;
using Engine;
using Pipeline.Aws;
using Pipeline.Database;
using Pipeline.Images;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// MigrateDb on an AWS environment: the release's image migrates its own database as a one-off ECS task in the
/// service's network, after an RDS snapshot. Everything that can be wrong with the input (cluster, services, RDS
/// instance) is checked before anything is changed. The compatibility check against the serving version runs in the
/// task, before it migrates (<see cref="MigrationTaskCommand"/>): a change that breaks the serving version stops it
/// with nothing applied, and the error names the script, the line and what breaks (<see cref="MigrationCheckLog"/>).
/// </summary>
internal sealed class EcsMigration(EcsClient ecs, MigrationSnapshots snapshots, MigrationTask task)
{
    public async Task<MigrationRecord> RunAsync(EcsMigrationTarget target, MigrationRequest request, AbsolutePath recordFile, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var total = Stopwatch.StartNew();
        if (!request.DryRun && File.Exists(recordFile))
            File.Delete(recordFile); // a record left by an earlier run must not pass for this one's if it fails early
        var names = target.Names;
        var place = await MigrationTaskNetwork.FindAsync(ecs, names, cancellation);
        var backingUp = !request.SkipBackup && !request.DryRun;
        if (backingUp)
            await snapshots.RequireInstanceAsync(target.RdsInstance, cancellation);
        Log.Information("The task checks the pending scripts against the serving version first, in a transaction it rolls back, and migrates only if they pass.");

        var revision = await EcsRevisions.ForImage(ecs, names.TaskFamily(place.Color), names.Container, target.Image.ToString(), target.Tags, cancellation);
        var backupClock = Stopwatch.StartNew();
        var snapshot = backingUp ? await snapshots.TakeAsync(target.RdsInstance, names.Prefix, names.Environment, target.SnapshotDeadline, cancellation) : null;
        var backupMs = backupClock.ElapsedMilliseconds;
        Log.Information(snapshot is not null ? $"Backup: RDS snapshot {snapshot.Id} of {target.RdsInstance} is available."
            : request.DryRun ? "No backup for a dry run." : "Backup skipped (--skip-backup).");

        var migrateClock = Stopwatch.StartNew();
        var result = await task.RunAsync(names, revision, place.Network, MigrationTaskCommand.For(request), target.TaskDeadline, cancellation);
        var check = MigrationCheckLog.Read(result.LogTail, result.Outcome.Succeeded);
        Log.Information($"Compatibility check: {check.Recorded}");
        var (before, after) = MigrationLogVersions.Read(result.LogTail);
        var log = MigrationTaskLog.For(revision.Definition, names.Container, names);
        var error = Failure(result, check, snapshot?.Id);
        var record = new MigrationRecord(
            names.Environment, $"rds:{target.RdsInstance}", Outcome(result, check, request),
            before, result.Outcome.Succeeded && !request.DryRun ? after : before, [], snapshot?.Id, check.Recorded,
            new MigrationDurations(0, check.CheckMs, backupMs, migrateClock.ElapsedMilliseconds, total.ElapsedMilliseconds),
            error)
        {
            OneOffTask = new MigrationTaskRecord(
                result.Task.Arn, revision.Arn, result.Outcome.ExitCodes, result.Task.StoppedReason, log.Group, log.StreamOf(names.Container, result.Task.Arn)),
        };
        if (!request.DryRun)
            record.Write(recordFile);
        return error is null ? record : throw new InvalidOperationException(error);
    }

    public static string Outcome(MigrationTaskResult result, MigrationCheckLog check, MigrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(request);
        return result.Outcome.Succeeded ? (request.DryRun ? "dry run: nothing applied" : "migrated")
            : check.Stopped ? "stopped by the compatibility check: nothing applied"
            : "failed";
    }

    /// <summary>The one line MigrateDb fails with, null when the task succeeded: what the check found, else how the task ended.</summary>
    public static string? Failure(MigrationTaskResult result, MigrationCheckLog check, string? snapshot)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(check);
        if (result.Outcome.Succeeded)
            return null;
        var task = MigrationTask.TaskId(result.Task.Arn);
        var backedUp = snapshot is null ? "" : $"; the database was backed up as RDS snapshot {snapshot}";
        return check.Stopped
            ? $"The compatibility check in migration task {task} stopped it before anything was applied: {string.Join("; ", check.Problems)}{backedUp}"
            : $"The migration task {task} failed: {result.Outcome.Summary}{backedUp}";
    }

    public static string Summary(MigrationRecord record, MigrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(request);
        var task = MigrationTask.TaskId(record.OneOffTask?.Arn ?? "");
        var versions = (record.VersionBefore, record.VersionAfter) switch
        {
            (null, null) => "versions not in its log",
            var (before, after) when before == after => $"at V{after}",
            var (before, after) => $"V{before} → V{after}",
        };
        return request.DryRun ? $"dry run in task {task}, {versions}" : $"migrated in task {task}, {versions}, backup {record.Backup ?? "skipped"}";
    }
}

/// <summary>Where and with what MigrateDb migrates on AWS: the environment's names, the image, the RDS instance, the deadlines.</summary>
internal sealed record EcsMigrationTarget(
    EcsNames Names, ImageDigest Image, string RdsInstance, TimeSpan TaskDeadline, TimeSpan SnapshotDeadline, IReadOnlyDictionary<string, string> Tags);
