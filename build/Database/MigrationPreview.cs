namespace Pipeline.Database;

/// <summary>
/// What MigrateDb would do, found by its own plan and compatibility check with nothing applied: the pending scripts
/// (null: not known from here), the check's verdict against the serving version, the backup it would take (null: none),
/// and why it would stop (null: it would go ahead).
/// </summary>
public sealed record MigrationPreview(IReadOnlyList<string>? Pending, string Verdict, string? Backup, string? Stop = null);
