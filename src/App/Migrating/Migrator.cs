using System.Diagnostics;
using App.Configuration;
using App.Migrating.Compatibility;
using Npgsql;

namespace App.Migrating;

/// <summary>
/// One run against one database: validate the scripts against the history, then (for Migrate and
/// CheckCompatibility, under the migration lock) record a baseline if needed and apply the pending scripts in order.
/// Nothing is written before validation has passed. With <see cref="CheckLockTimeout"/> set (<c>--check</c>), the
/// pending scripts first run in a transaction that is rolled back (<see cref="TrialRun"/>), under the same hold of
/// the migration lock, so no other migrator can change what was checked before it is applied; a change that breaks
/// the serving version stops the run there, with nothing applied.
/// </summary>
public sealed class Migrator(string connectionString, string databaseName, ScriptSet scripts, TextWriter output)
{
    public Baseline? Baseline { get; init; }

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>When set, for Migrate and Plan: check the pending scripts on this database first, waiting at most this long for each table lock.</summary>
    public TimeSpan? CheckLockTimeout { get; init; }

    /// <summary>When set (<c>--require-host</c>): refuse, before connecting, a connection string that goes to another host or port.</summary>
    public DatabaseHost? RequiredHost { get; init; }

    public async Task<MigrationReport> RunAsync(MigrateMode mode, long? target, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (RequiredHost is { } required && !required.Matches(connectionString))
        {
            throw new MigrationUsageException($"the database is {databaseName}, not on --require-host {required}: refused before connecting; nothing was applied");
        }

        await using var connection = await DatabaseConnection.OpenAsync(connectionString, databaseName, cancellationToken);
        var writes = mode is MigrateMode.Migrate or MigrateMode.CheckCompatibility;
        var trial = CheckLockTimeout is { } checkLockTimeout && mode is MigrateMode.Migrate or MigrateMode.Plan ? new TrialRun(checkLockTimeout, output) : null;
        if (mode == MigrateMode.CheckCompatibility)
        {
            await CompatibilityCheck.RequireThrowawayAsync(connection, cancellationToken);
        }

        // The check too: it must see the schema as the migrator before it left it, not half-way through its scripts.
        if (writes || trial is not null)
        {
            await MigrationLock.AcquireAsync(connection, LockTimeout, output, cancellationToken);
        }

        var history = await MigrationHistory.ReadAsync(connection, cancellationToken);
        HistoryValidation.Check(scripts, history ?? []);
        var baseline = Baseline is { } candidate && await candidate.AppliesAsync(connection, history is not null, cancellationToken) ? candidate : null;
        var plan = MigrationPlan.Create(scripts, history ?? [], baseline, target);
        await DescribeAsync(plan, mode);
        var applied = new List<AppliedScriptTiming>();
        var (check, findings) = trial is null ? (null, []) : await CheckAsync(connection, trial, plan, cancellationToken);
        if (mode == MigrateMode.CheckCompatibility || (mode == MigrateMode.Migrate && !findings.Any(finding => !finding.Contract)))
        {
            findings = [.. findings, .. await ApplyAsync(connection, plan, mode, applied, cancellationToken)];
        }

        if (writes || trial is not null)
        {
            await MigrationLock.ReleaseAsync(connection, cancellationToken);
        }

        var after = applied.Count > 0 ? applied[^1].Version : plan.CurrentVersion;
        return new MigrationReport(
            databaseName, mode, plan.CurrentVersion, after, plan.Baseline?.Version, history is null ? null : MigrationHistory.Table,
            [.. plan.Pending.Select(s => new PendingScript(s.Version, s.FileName, s.RunsInTransaction, s.IsContract))],
            applied, findings, clock.ElapsedMilliseconds)
        {
            Check = check,
        };
    }

    // A database without a version has nothing serving against it (the old start-up schema has: it is at its baseline).
    private async Task<(string Check, IReadOnlyList<CompatibilityFinding> Findings)> CheckAsync(
        NpgsqlConnection connection, TrialRun trial, MigrationPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Pending.Count == 0 || plan.CurrentVersion == 0)
        {
            var reason = plan.Pending.Count == 0 ? "nothing pending" : "the database has no version yet, so no version serves against it";
            await output.WriteLineAsync($"{CompatibilityFinding.SkippedPrefix}{reason}");
            return ("skipped: " + reason, []);
        }

        await output.WriteLineAsync(
            $"checking the {plan.Pending.Count} pending script(s) against the serving version (V{plan.CurrentVersion}) in a transaction that is rolled back…");
        var findings = await trial.RunAsync(connection, plan.Pending, cancellationToken);
        if (findings.Any(finding => !finding.Contract))
        {
            return ("failed", findings);
        }

        foreach (var allowed in findings)
        {
            await output.WriteLineAsync(allowed.ToString());
        }

        await output.WriteLineAsync(CompatibilityFinding.Verdict(findings));
        return ("passed", findings);
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
