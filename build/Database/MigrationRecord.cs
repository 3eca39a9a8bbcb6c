using System.Text.Json;
using Engine;

/// <summary>
/// artifacts/migration.json: what MigrateDb did, for the deploy that follows and for whoever has to restore: versions
/// before and after, the scripts applied, the backup taken, the compatibility check's outcome, and how long each step took.
/// </summary>
internal sealed record MigrationRecord(
    string Environment,
    string Database,
    string Outcome,
    long VersionBefore,
    long VersionAfter,
    IReadOnlyList<ServiceReport.AppliedScript> Applied,
    string? Backup,
    string Compatibility,
    MigrationDurations DurationsMs,
    string? Error)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(AbsolutePath file)
    {
        file.Parent.CreateDirectory();
        File.WriteAllText(file, JsonSerializer.Serialize(this, Json) + System.Environment.NewLine);
    }
}

/// <summary>Milliseconds spent in each step of MigrateDb.</summary>
internal sealed record MigrationDurations(long Plan, long Check, long Backup, long Migrate, long Total);
