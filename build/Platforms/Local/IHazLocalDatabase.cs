using Pipeline.Database;
using Pipeline.Hosting;

namespace Pipeline.Platforms.Local;

/// <summary>
/// A build whose environment's database is a PostgreSQL on this machine (or any the build reaches directly): migrated by
/// the service's migrator here, backed up with pg_dump into artifacts/backups.
/// </summary>
public interface IHazLocalDatabase : IHazDatabase
{
    IDatabasePlatform IHazDatabase.CreateDatabasePlatform() => CreateLocalDatabase();

    IDatabasePlatform CreateLocalDatabase()
    {
        RequireHostedOn(HostingPlatform.Local, "the local database (this machine's PostgreSQL)");
        return new LocalDatabase(target => DatabaseTargetChecks.Address(this, target), DatabaseUrl, new Backups(BackupsDirectory), TemporaryDirectory);
    }
}
