using System.Text.Json;
using System.Text.Json.Serialization;
using Engine;

namespace Pipeline.Database;

/// <summary>
/// artifacts/migration.json: what MigrateDb did, for the deploy that follows and for whoever has to restore: versions
/// before and after, the scripts applied, the backup taken, the compatibility check's outcome, and how long each step took.
/// On AWS the backup is the RDS snapshot's id, <see cref="OneOffTask"/> the one-off ECS task that migrated, and the versions
/// are null when the task's log did not show them.
/// </summary>
internal sealed record MigrationRecord(
    string Environment,
    string Database,
    string Outcome,
    long? VersionBefore,
    long? VersionAfter,
    IReadOnlyList<ServiceReport.AppliedScript> Applied,
    string? Backup,
    string Compatibility,
    MigrationDurations DurationsMs,
    string? Error)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>On AWS: the task that ran the migration; absent locally.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MigrationTaskRecord? OneOffTask { get; init; }

    public void Write(AbsolutePath file)
    {
        file.Parent.CreateDirectory();
        File.WriteAllText(file, JsonSerializer.Serialize(this, Json) + System.Environment.NewLine);
    }
}

/// <summary>Milliseconds spent in each step of MigrateDb.</summary>
internal sealed record MigrationDurations(long Plan, long Check, long Backup, long Migrate, long Total);

/// <summary>The one-off ECS task of a migration on AWS: which task, from which revision, how each container exited, where its log is.</summary>
internal sealed record MigrationTaskRecord(
    string Arn, string TaskDefinition, IReadOnlyDictionary<string, int?> ExitCodes, string? StoppedReason, string LogGroup, string LogStream);
