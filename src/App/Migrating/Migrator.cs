using System.Diagnostics;
using App.Migrating.Compatibility;
using Npgsql;

namespace App.Migrating;

/// <summary>
/// One run against one database: validate the scripts against the history, then (for Migrate and
/// CheckCompatibility, under the migration lock) record a baseline if needed and apply the pending scripts in order.
/// Nothing is written before validation has passed.
/// </summary>
public sealed class Migrator(string connectionString, string databaseName, ScriptSet scripts, TextWriter output)
{
    public Baseline? Baseline { get; init; }

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<MigrationReport> RunAsync(MigrateMode mode, long? target, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await DatabaseConnection.OpenAsync(connectionString, databaseName, cancellationToken);
        var writes = mode is MigrateMode.Migrate or MigrateMode.CheckCompatibility;
        if (mode == MigrateMode.CheckCompatibility)
        {
            await CompatibilityCheck.RequireThrowawayAsync(connection, cancellationToken);
        }

        if (writes)
        {
            await MigrationLock.AcquireAsync(connection, LockTimeout, output, cancellationToken);
        }

        var history = await MigrationHistory.ReadAsync(connection, cancellationToken);
        HistoryValidation.Check(scripts, history ?? []);
        var baseline = Baseline is { } candidate && await candidate.AppliesAsync(connection, history is not null, cancellationToken) ? candidate : null;
        var plan = MigrationPlan.Create(scripts, history ?? [], baseline, target);
        await DescribeAsync(plan, mode);
        var applied = new List<AppliedScriptTiming>();
        IReadOnlyList<CompatibilityFinding> findings = [];
        if (writes)
        {
            findings = await ApplyAsync(connection, plan, mode, applied, cancellationToken);
            await MigrationLock.ReleaseAsync(connection, cancellationToken);
        }

        var after = applied.Count > 0 ? applied[^1].Version : plan.CurrentVersion;
        return new MigrationReport(
            databaseName, mode, plan.CurrentVersion, after, plan.Baseline?.Version, history is null ? null : MigrationHistory.Table,
            [.. plan.Pending.Select(s => new PendingScript(s.Version, s.FileName, s.RunsInTransaction, s.IsContract))],
            applied, findings, clock.ElapsedMilliseconds);
    }

    private async Task<IReadOnlyList<CompatibilityFinding>> ApplyAsync(
        NpgsqlConnection connection, MigrationPlan plan, MigrateMode mode, List<AppliedScriptTiming> applied, CancellationToken cancellationToken)
    {
        if (plan.Baseline is { } baseline)
        {
            await ScriptRunner.RecordAsync(connection, baseline, MigrationHistory.BaselineKind, TimeSpan.Zero, cancellationToken);
            await output.WriteLineAsync($"recorded baseline V{baseline.Version}: the schema of {baseline.FileName} was already there, created before migrations existed");
        }

        var check = mode == MigrateMode.CheckCompatibility ? new CompatibilityCheck() : null;
        if (check is not null)
        {
            await check.StartAsync(connection, cancellationToken);
        }

        foreach (var script in plan.Pending)
        {
            TimeSpan duration;
            try
            {
                duration = await ScriptRunner.ApplyAsync(connection, script, check is null ? null : check.ObserveAsync, cancellationToken);
            }
            catch (MigrationException e)
            {
                throw new MigrationException($"{e.Message}; the database is at V{(applied.Count > 0 ? applied[^1].Version : plan.CurrentVersion)}", e);
            }

            applied.Add(new AppliedScriptTiming(script.Version, script.FileName, (long)duration.TotalMilliseconds));
            await output.WriteLineAsync($"applied {script.FileName} in {(long)duration.TotalMilliseconds} ms");
        }

        return check is null ? [] : await check.FinishAsync(connection, cancellationToken);
    }

    private async Task DescribeAsync(MigrationPlan plan, MigrateMode mode)
    {
        var baseline = plan.Baseline is null ? "" : $" (to be recorded as a baseline: no history, but the schema of V{plan.Baseline.Version} is there)";
        var state = plan.Pending.Count == 0
            ? $"{databaseName}: at V{plan.CurrentVersion}{baseline}, nothing to apply"
            : $"{databaseName}: at V{plan.CurrentVersion}{baseline}, {plan.Pending.Count} pending up to V{plan.FinalVersion}";
        await output.WriteLineAsync(state);
        foreach (var script in plan.Pending)
        {
            var notes = string.Join(", ", new[] { script.RunsInTransaction ? null : "no transaction", script.IsContract ? "contract" : null }.OfType<string>());
            await output.WriteLineAsync($"  {(mode == MigrateMode.Plan ? "would apply" : "pending")} {script.FileName}{(notes.Length > 0 ? $" ({notes})" : "")}");
        }

        if (mode == MigrateMode.Validate)
        {
            await output.WriteLineAsync($"valid: {scripts.Scripts.Count} script(s) agree with the history");
        }
    }
}
