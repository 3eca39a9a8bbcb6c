using Engine;
using Pipeline.Images;
using Pipeline.Solution;

namespace Pipeline.Database;

/// <summary>
/// The MigrateDb component: the service's own migrator (<c>App migrate</c>) applies the pending SQL scripts, after a
/// check on a throwaway copy of the schema that they do not break the version now serving, and after a pg_dump
/// backup, on the platform the environment's database is hosted on (<see cref="IDatabasePlatform"/>): on AWS the
/// release's image checks and migrates as a one-off ECS task after an RDS snapshot.
/// </summary>
public interface IMigrateDb : IHazDatabase, IHazReleaseImage, IHazConfiguration, IHazServiceProject
{
    [Parameter("Folder of the SQL migrations", DefaultText = "Migrations beside the service project")]
    string? MigrationsDirectory => TryGetValue(() => MigrationsDirectory);

    [Parameter("A built service assembly (App.dll) whose migrate command runs, instead of building the service project")]
    string? ServiceAssembly => TryGetValue(() => ServiceAssembly);

    [Parameter("Migrate without taking a backup first")]
    bool SkipBackup => TryGetValue<bool>(() => SkipBackup) ?? false;

    [Parameter("List the pending migrations and check them against the serving version, applying nothing")]
    bool DryRun => TryGetValue<bool>(() => DryRun) ?? false;

    [Parameter("Migrate up to this version only (e.g. 3)", DefaultText = "the newest")]
    long? MigrationTarget => TryGetValue<long>(() => MigrationTarget);

    [Parameter("How long to wait for another migration of the same database to finish")]
    TimeSpan MigrationLockTimeout => TryGetValue<TimeSpan>(() => MigrationLockTimeout) ?? TimeSpan.FromMinutes(5);

    Target MigrateDb => _ => _
        .Description("Back up the database, check the pending migrations against the serving version, apply them (artifacts/migration.json)")
        .Produces("artifacts/migration.json") // not the backups: they hold the data, and must not travel as CI artifacts
        .Executes(async cancellation =>
            ReportSummary(await CreateDatabasePlatform().MigrateAsync(MigrationRequest, MigrationSource, ArtifactsDirectory / "migration.json", cancellation)));

    /// <summary>MigrateDb's plan and check with nothing applied and no backup taken: what a deploy's plan shows of it.</summary>
    Task<MigrationPreview> PreviewMigrationAsync(CancellationToken cancellation) =>
        CreateDatabasePlatform().PreviewAsync(MigrationRequest with { DryRun = true }, MigrationSource, cancellation);

    /// <summary>What MigrateDb is asked to do, from its parameters (a deploy's plan previews the same request).</summary>
    MigrationRequest MigrationRequest => new(EnvironmentName, SkipBackup, DryRun, MigrationTarget, MigrationLockTimeout);

    /// <summary>Which migrator runs: the given assembly or the service project, its scripts, and the release's image.</summary>
    MigrationSource MigrationSource => new(
        ServiceAssembly is { } assembly ? RootDirectory / assembly : null,
        ServiceProject,
        Configuration,
        MigrationsDirectory is { } folder ? RootDirectory / folder : ServiceProject.Parent / "Migrations",
        ReleaseToDeploy);
}
