using System.Diagnostics;
using Engine;

namespace Pipeline.Database;

/// <summary>
/// MigrateDb against one database: plan, check the pending scripts against the serving version on a throwaway copy of
/// the schema, back up, migrate, and record it all in artifacts/migration.json. Every step before the migration only
/// reads the database, so a failure there leaves it as it was; a failed migration leaves the record with the backup.
/// </summary>
internal sealed class DatabaseMigration(DatabaseAddress address, string databaseUrl, ServiceMigrator migrator, Backups backups, AbsolutePath workDirectory)
{
    public async Task<MigrationRecord> RunAsync(MigrationRequest request, AbsolutePath recordFile, CancellationToken cancellation)
    {
        var total = Stopwatch.StartNew();
        if (!request.DryRun && File.Exists(recordFile))
            File.Delete(recordFile); // a record left by an earlier run must not pass for this one's if it fails early
        var plan = await migrator.RunAsync(databaseUrl, ["--plan", .. request.MigratorOptions], cancellation);
        var planMs = total.ElapsedMilliseconds;
        MigrationRecord Record(string outcome, ServiceReport? result, string? backup, string compatibility, long checkMs, long backupMs, string? error = null) => new(
            request.Environment, address.ToString(), outcome, plan.VersionBefore, result?.VersionAfter ?? plan.VersionBefore, result?.Applied ?? [],
            backup, compatibility, new MigrationDurations(planMs, checkMs, backupMs, result?.DurationMs ?? 0, total.ElapsedMilliseconds), error);

        if (plan.Pending.Count == 0)
            return Save(Record("up to date", null, null, "nothing pending", 0, 0), recordFile, request);

        var check = Stopwatch.StartNew();
        var compatibility = await CheckCompatibilityAsync(plan, request, cancellation);
        var checkMs = check.ElapsedMilliseconds;
        if (request.DryRun)
            return Record("dry run: nothing applied", null, null, compatibility, checkMs, 0);

        var backupClock = Stopwatch.StartNew();
        var backup = request.SkipBackup ? null : await backups.CreateAsync(address, plan.VersionBefore, cancellation);
        Log.Information(backup is null ? "Backup skipped (--skip-backup)." : $"Backup {backup} written to {backups.Directory / (backup + BackupName.Extension)}.");
        var backupMs = backupClock.ElapsedMilliseconds;
        try
        {
            var result = await migrator.RunAsync(databaseUrl, request.MigratorOptions, cancellation);
            return Save(Record("migrated", result, backup, compatibility, checkMs, backupMs), recordFile, request);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Save(Record("failed", null, backup, compatibility, checkMs, backupMs, e.Message), recordFile, request);
            throw;
        }
    }

    /// <summary>
    /// The plan and the check of a dry run, for a deploy's plan: the pending scripts and the verdict; a check that
    /// finds a breaking change is the reason the migration would stop, not a failure of the preview.
    /// </summary>
    public async Task<MigrationPreview> PreviewAsync(MigrationRequest request, string backupKind, CancellationToken cancellation)
    {
        var plan = await migrator.RunAsync(databaseUrl, ["--plan", .. request.MigratorOptions], cancellation);
        var pending = plan.Pending.Select(p => p.Script).ToList();
        if (pending.Count == 0)
            return new MigrationPreview(pending, $"nothing pending (at V{plan.VersionBefore})", null);
        var backup = request.SkipBackup ? null : $"{backupKind} of V{plan.VersionBefore} first";
        try
        {
            var verdict = await CheckCompatibilityAsync(plan, request, cancellation);
            return new MigrationPreview(pending, verdict == "passed" ? "compatible" : verdict, backup);
        }
        catch (InvalidOperationException e)
        {
            return new MigrationPreview(pending, "incompatible", backup, $"the migration check stops it: {e.Message.ReplaceLineEndings("; ")}");
        }
    }

    // A database with a version has one serving against it; a new one has nothing to break.
    private async Task<string> CheckCompatibilityAsync(ServiceReport plan, MigrationRequest request, CancellationToken cancellation)
    {
        if (plan.VersionBefore == 0)
        {
            Log.Information("Compatibility check skipped: the database has no version yet, so no version serves against it.");
            return "skipped: no version serves yet";
        }

        Log.Information($"Checking the {plan.Pending.Count} pending script(s) against the serving version's schema (V{plan.VersionBefore}) on a throwaway copy…");
        await using var scratch = await ScratchDatabase.CopySchemaAsync(address, plan.HistoryTable, workDirectory, cancellation);
        await migrator.RunAsync(scratch.Url, ["--check-compatibility", .. request.MigratorOptions], cancellation);
        return "passed";
    }

    private static MigrationRecord Save(MigrationRecord record, AbsolutePath file, MigrationRequest request)
    {
        if (!request.DryRun)
            record.Write(file);
        return record;
    }
}
