using Engine;
using Pipeline.Images;
using Pipeline.Tools;

namespace Pipeline.Database;

/// <summary>
/// Where an environment's database is migrated and restored: the platform runs the release's migrator once (on this
/// machine against a reachable PostgreSQL, or as a one-off task beside the database) after a backup of its own kind
/// (pg_dump, an RDS snapshot), and restores such a backup. MigrateDb and RestoreDb are written against this alone.
/// </summary>
public interface IDatabasePlatform
{
    /// <summary>Backs up, checks and migrates as <paramref name="request"/> asks and writes the record; returns the summary line.</summary>
    Task<string> MigrateAsync(MigrationRequest request, MigrationSource source, AbsolutePath recordFile, CancellationToken cancellation);

    /// <summary>
    /// What <see cref="MigrateAsync"/> would do, applying nothing and taking no backup: for a deploy's plan. A
    /// database the build cannot reach from here says so in <see cref="MigrationPreview.Verdict"/> rather than failing.
    /// </summary>
    Task<MigrationPreview> PreviewAsync(MigrationRequest request, MigrationSource source, CancellationToken cancellation);

    /// <summary>The backup's name when it is one this platform takes, otherwise a one-line error: names only, never a path.</summary>
    string ParseBackupName(string given);

    /// <summary>Replaces the database's contents with the backup; returns the summary line.</summary>
    Task<string> RestoreAsync(string backup, CancellationToken cancellation);
}

/// <summary>
/// What a migration runs: the service's migrator, built from its project or given as an assembly, where it runs on
/// this machine; the release's image where it runs beside the database. The image is read only by a platform that
/// uses it, so a local migration needs no pushed image.
/// </summary>
public sealed record MigrationSource(
    AbsolutePath? ServiceAssembly, AbsolutePath ServiceProject, Configuration Configuration, AbsolutePath Migrations, Func<(ImageDigest Image, string? Version, string? Commit)> Release);
