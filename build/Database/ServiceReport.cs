namespace Pipeline.Database;

/// <summary>
/// What the service's <c>migrate --report FILE</c> writes (App.Migrating.MigrationReport): the contract between the
/// build and the service's migrator, read field by field, so either side can add fields without breaking the other.
/// </summary>
internal sealed record ServiceReport(
    long VersionBefore,
    long VersionAfter,
    long? Baseline,
    string? HistoryTable,
    IReadOnlyList<ServiceReport.PendingScript> Pending,
    IReadOnlyList<ServiceReport.AppliedScript> Applied,
    long DurationMs)
{
    internal sealed record PendingScript(long Version, string Script);

    internal sealed record AppliedScript(long Version, string Script, long DurationMs);
}
