using System.Diagnostics;
using Engine;

/// <summary>
/// MigrateDb on an AWS environment: the release's image migrates its own database as a one-off ECS task in the
/// service's network, after an RDS snapshot. Everything that can be wrong with the input (cluster, services, RDS
/// instance) is checked before anything is changed. The compatibility check against the serving version is not run:
/// it needs a throwaway copy of the schema on the database server, which the build cannot reach from outside the VPC,
/// and the image has no pg_dump to make one itself; the record and the log say so.
/// </summary>
internal sealed class EcsMigration(Ecs ecs, MigrationSnapshots snapshots, MigrationTask task)
{
    public const string CompatibilityNotRun =
        "not run on AWS: the build cannot reach the database to copy its schema; check first with MigrateDb --dry-run --environment local against a restored snapshot";

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
        Log.Warning($"Compatibility check {CompatibilityNotRun}.");

        var revision = await EcsRevisions.ForImage(ecs, names.TaskFamily(place.Color), names.Container, target.Image.ToString(), target.Tags, cancellation);
        var backupClock = Stopwatch.StartNew();
        var snapshot = backingUp ? await snapshots.TakeAsync(target.RdsInstance, names.Prefix, names.Environment, target.SnapshotDeadline, cancellation) : null;
        var backupMs = backupClock.ElapsedMilliseconds;
        Log.Information(snapshot is not null ? $"Backup: RDS snapshot {snapshot.Id} of {target.RdsInstance} is available."
            : request.DryRun ? "No backup for a dry run." : "Backup skipped (--skip-backup).");

        var migrateClock = Stopwatch.StartNew();
        var result = await task.RunAsync(names, revision, place.Network, MigrationTaskCommand.For(request), target.TaskDeadline, cancellation);
        var (before, after) = MigrationLogVersions.Read(result.LogTail);
        var log = MigrationTaskLog.For(revision.Definition, names.Container, names);
        var record = new MigrationRecord(
            names.Environment, $"rds:{target.RdsInstance}", result.Outcome.Succeeded ? (request.DryRun ? "dry run: nothing applied" : "migrated") : "failed",
            before, result.Outcome.Succeeded && !request.DryRun ? after : before, [], snapshot?.Id, CompatibilityNotRun,
            new MigrationDurations(0, 0, backupMs, migrateClock.ElapsedMilliseconds, total.ElapsedMilliseconds),
            result.Outcome.Succeeded ? null : result.Outcome.Summary)
        {
            OneOffTask = new MigrationTaskRecord(
                result.Task.Arn, revision.Arn, result.Outcome.ExitCodes, result.Task.StoppedReason, log.Group, log.StreamOf(names.Container, result.Task.Arn)),
        };
        if (!request.DryRun)
            record.Write(recordFile);
        return result.Outcome.Succeeded
            ? record
            : throw new InvalidOperationException($"The migration task {MigrationTask.TaskId(result.Task.Arn)} failed: {result.Outcome.Summary}"
                + (snapshot is null ? "" : $"; the database was backed up as RDS snapshot {snapshot.Id}"));
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
