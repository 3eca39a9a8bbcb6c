using Engine;
using Pipeline.Hosting;

namespace Pipeline.Database;

/// <summary>
/// A build that works on an environment's PostgreSQL database: where it is (DATABASE_URL, a secret), where backups of it
/// go, and the platform that migrates and restores it (a component of build/Platforms provides it).
/// </summary>
public interface IHazDatabase : IHazHosting
{
    [Parameter("The PostgreSQL database: postgres://user:password@host:port/database (percent-encode special characters) or Npgsql keywords")]
    [Secret]
    string? DatabaseUrl => TryGetValue(() => DatabaseUrl);


    AbsolutePath BackupsDirectory => ArtifactsDirectory / "backups";

    /// <summary>The platform of <see cref="IHazHosting.EnvironmentName"/>'s database: override to migrate elsewhere.</summary>
    IDatabasePlatform CreateDatabasePlatform();
}
