using Engine;

namespace Pipeline.Database;

/// <summary>A build that names one of the backups MigrateDb took: RestoreDb restores it, RecoveryDrill drills with it.</summary>
public interface IHazBackupName : IHazDatabase
{
    [Parameter("A backup MigrateDb took: a name from artifacts/backups (e.g. notes-20250101T120000.000Z-v3), on AWS an RDS snapshot; RestoreDb restores it, RecoveryDrill drills with it", DefaultText = "RestoreDb: none; RecoveryDrill: the newest")]
    string? Backup => TryGetValue(() => Backup);
}
