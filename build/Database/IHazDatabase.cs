using Engine;

/// <summary>
/// A build that works on a PostgreSQL database: where it is (DATABASE_URL, a secret), which environment it belongs to,
/// and where backups of it go. Local databases are reached directly; the others live on AWS.
/// </summary>
public interface IHazDatabase : IHazHosting
{
    [Parameter("The PostgreSQL database: postgres://user:password@host:port/database (percent-encode special characters) or Npgsql keywords")]
    [Secret]
    string? DatabaseUrl => TryGetValue(() => DatabaseUrl);

    /// <summary>The environment the database belongs to: --environment, or local without one.</summary>
    string DatabaseEnvironment => EnvironmentName;

    bool IsLocalDatabase => HostedEnvironment.IsHostedOn(HostingPlatform.Local);

    AbsolutePath BackupsDirectory => ArtifactsDirectory / "backups";
}
