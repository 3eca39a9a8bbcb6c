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

    IDatabasePlatform CreateLocalDatabase() => !HostedEnvironment.IsHostedOn(HostingPlatform.Local)
        ? throw new InvalidOperationException($"the {EnvironmentName} environment's database is hosted on {HostedEnvironment.Platform}, not on this machine: its build needs that platform's database component")
        : new LocalDatabase(target => DatabaseTargetChecks.Address(this, target), DatabaseUrl, new Backups(BackupsDirectory), TemporaryDirectory);
}
