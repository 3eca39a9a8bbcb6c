using App.Migrating.Compatibility;

namespace App.Migrating;

/// <summary>A script the plan will apply, as the report lists it.</summary>
public sealed record PendingScript(long Version, string Script, bool Transaction, bool Contract);

/// <summary>A script that was applied, and how long it took.</summary>
public sealed record AppliedScriptTiming(long Version, string Script, long DurationMs);

/// <summary>
/// The outcome of a run, written as JSON by <c>migrate --report FILE</c>: what the build's MigrateDb reads for
/// artifacts/migration.json, and for whether the compatibility check passed. HistoryTable is null while the database
/// has none, so MigrateDb knows whether a copy of the schema needs the history's rows too. Check is the outcome of
/// <c>--check</c> (passed, failed, or skipped: why), null without it.
/// </summary>
public sealed record MigrationReport(
    string Database,
    MigrateMode Mode,
    long VersionBefore,
    long VersionAfter,
    long? Baseline,
    string? HistoryTable,
    IReadOnlyList<PendingScript> Pending,
    IReadOnlyList<AppliedScriptTiming> Applied,
    IReadOnlyList<CompatibilityFinding> Findings,
    long DurationMs)
{
    public string? Check { get; init; }
}
