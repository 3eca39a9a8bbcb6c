using System.Diagnostics;
using Engine;
using Pipeline.Delivery;
using Pipeline.Delivery.Roles;
using Pipeline.Delivery.Smoke;

namespace Pipeline.Recovery;

/// <summary>
/// The drill: the backup restored into a scratch database, the live release started once against it (after its
/// <c>migrate --check</c>), the smoke suite run against that instance, and everything the drill made deleted again,
/// whatever happened (each step is an <c>await using</c>, so a failure or Ctrl-C disposes what exists). Nothing here
/// reaches the live database or the router: the live release is only read from the environment's state.
/// </summary>
public sealed class RecoveryDrill(IRecoveryDrillPlatform platform, IEnvironmentStore store, IReadOnlyList<ISmokeCheck> smokeChecks, RecoveryGoals goals, string environment)
{
    public async Task<RecoveryDrillReport> RunAsync(string? backupName, CancellationToken cancellation)
    {
        // First, as it only reads: a bad name or a damaged backup is refused before anything is changed.
        var backup = await platform.ChooseBackupAsync(backupName, cancellation);
        var live = (await store.ReadStateAsync(cancellation)).Live
            ?? throw new InvalidOperationException($"{environment} has no live release to drill with: deploy it first (the drill starts the live release's image against the backup)");
        Log.Information($"recovery drill of {environment} on {platform.Description}, with the live release {live.Version ?? live.Image} ({live.Color.Name()})");
        await platform.RemoveLeftoversAsync(cancellation);
        var report = new RecoveryDrillReport
        {
            Environment = environment,
            Backup = backup.Name,
            BackupCreatedAt = backup.CreatedAt,
            BackupAge = DateTimeOffset.UtcNow - backup.CreatedAt,
            BackupVersion = backup.Version,
        };
        Log.Information($"backup {backup.Name}: {(backup.Version is { } version ? $"V{version}" : "schema version not recorded")}, taken {backup.CreatedAt:u}, {RecoveryDrillReport.Duration(report.BackupAge)} ago");
        var clock = Stopwatch.StartNew();
        try
        {
            await using var database = await platform.RestoreAsync(backup, cancellation);
            report = report with { Restored = clock.Elapsed, Rows = Compare(backup.Rows, database.Rows) };
            Log.Information($"restored into {database.Name} in {RecoveryDrillReport.Duration(clock.Elapsed)}");
            foreach (var table in report.Rows.Where(table => table.Differs))
                Log.Warning($"{table.Table}: {table.Restored} rows restored, {table.Backup} counted when the backup was taken (rows written between the count and the dump move it)");
            // A few rows either way can be writes between the count and the dump; a table restored empty cannot.
            if (report.Rows.Where(table => table is { Backup: > 0, Restored: 0 }).Select(table => $"{table.Table} ({table.Backup} rows)").ToList() is { Count: > 0 } emptied)
                throw new InvalidOperationException($"the restore brought back no rows for {string.Join(", ", emptied)}: the backup is incomplete");

            await using var instance = await platform.StartAsync(live, database, cancellation);
            report = report with { Serving = clock.Elapsed, SchemaVersion = instance.SchemaVersion };
            var schema = instance.SchemaVersion is { } found ? $"V{found}" : "a schema version its log does not name";
            Log.Information($"{live.Version ?? live.Image} serving from {database.Name} at {schema} on {instance.Address} after {RecoveryDrillReport.Duration(clock.Elapsed)}");

            using var smoke = new SmokeSuite(smokeChecks, headers: instance.Headers);
            var smoked = await smoke.RunAsync(instance.Address, new ExpectedRelease(live.Version, live.Commit, Color: null), cancellation);
            report = report with { SmokeChecks = smoked.Results.Count, SmokeChecksPassed = smoked.Results.Count(result => result.Passed) };
            foreach (var result in smoked.Results)
                Log.Information(result.Line);
            report = smoked.Passed
                ? report with { SmokePassed = clock.Elapsed }
                : report.Failing($"smoke {report.SmokeChecksPassed} of {report.SmokeChecks}: {smoked.FirstFailure}");
        }
        catch (InvalidOperationException e) when (!cancellation.IsCancellationRequested)
        {
            report = report.Failing(e.Message);
        }

        return goals.Judge(report);
    }

    private static IReadOnlyList<TableRowCount> Compare(IReadOnlyDictionary<string, long>? counted, IReadOnlyDictionary<string, long> restored) =>
        [.. restored.Keys.Union(counted?.Keys ?? []).Order(StringComparer.Ordinal)
            .Select(table => new TableRowCount(table, counted?.GetValueOrDefault(table), restored.GetValueOrDefault(table)))];
}
