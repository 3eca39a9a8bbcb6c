using Engine;
using Pipeline.Database;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The database of an environment on this machine, a PostgreSQL the build reaches directly: the service's migrator
/// runs here after a pg_dump backup into artifacts/backups, and a restore loads such a backup back.
/// </summary>
internal sealed class LocalDatabase(Func<string, DatabaseAddress> address, string? databaseUrl, Backups backups, AbsolutePath temporaryDirectory) : IDatabasePlatform
{
    public async Task<string> MigrateAsync(MigrationRequest request, MigrationSource source, AbsolutePath recordFile, CancellationToken cancellation)
    {
        var database = address("MigrateDb");
        var work = temporaryDirectory / "migrate";
        var migrator = await ServiceMigrator.PrepareAsync(source.ServiceAssembly, source.ServiceProject, source.Configuration, source.Migrations, work, cancellation);
        var record = await new DatabaseMigration(database, databaseUrl!, migrator, backups, work).RunAsync(request, recordFile, cancellation);
        return record.VersionAfter == record.VersionBefore
            ? $"{record.Outcome} at V{record.VersionAfter}"
            : $"V{record.VersionBefore} → V{record.VersionAfter}, backup {record.Backup ?? "skipped"}";
    }

    public async Task<MigrationPreview> PreviewAsync(MigrationRequest request, MigrationSource source, CancellationToken cancellation)
    {
        var database = address("MigrateDb");
        var work = temporaryDirectory / "migrate";
        var migrator = await ServiceMigrator.PrepareAsync(source.ServiceAssembly, source.ServiceProject, source.Configuration, source.Migrations, work, cancellation);
        return await new DatabaseMigration(database, databaseUrl!, migrator, backups, work).PreviewAsync(request, "pg_dump into artifacts/backups", cancellation);
    }

    public string ParseBackupName(string given) => BackupName.Parse(given);

    public async Task<string> RestoreAsync(string backup, CancellationToken cancellation)
    {
        var database = address("RestoreDb");
        var manifest = await DatabaseRestore.RunAsync(database, backups, backup, temporaryDirectory / "restore", cancellation);
        Log.Information($"Restored {manifest.Name} (V{manifest.Version}, taken {manifest.CreatedAt:u} from {manifest.Database}) into {database}.");
        return $"restored {manifest.Name} (V{manifest.Version})";
    }
}
