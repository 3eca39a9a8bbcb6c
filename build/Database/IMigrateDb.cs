using Engine;

/// <summary>
/// The MigrateDb component: the service's own migrator (<c>App migrate</c>) applies the pending SQL scripts, after a
/// check on a throwaway copy of the schema that they do not break the version now serving, and after a pg_dump
/// backup. On an AWS environment the release's image checks and migrates as a one-off ECS task after an RDS snapshot
/// (<see cref="EcsMigration"/>), the check on the database itself in a transaction it rolls back.
/// </summary>
public interface IMigrateDb : IHazAwsDatabase, IHazReleaseImage, IHazConfiguration, IHazServiceProject
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

    [Parameter("How long to wait for the migration's ECS task to stop (AWS environments)")]
    TimeSpan MigrationTaskTimeout => TryGetValue<TimeSpan>(() => MigrationTaskTimeout) ?? TimeSpan.FromMinutes(30);

    Target MigrateDb => _ => _
        .Description("Back up the database, check the pending migrations against the serving version, apply them (artifacts/migration.json)")
        .Produces("artifacts/migration.json") // not the backups: they hold the data, and must not travel as CI artifacts
        .Executes(async cancellation =>
        {
            var request = new MigrationRequest(DatabaseEnvironment, SkipBackup, DryRun, MigrationTarget, MigrationLockTimeout);
            if (!IsLocalDatabase)
            {
                await MigrateOnAwsAsync(request, cancellation);
                return;
            }

            var address = DatabaseTargetChecks.Address(this, "MigrateDb");
            var work = TemporaryDirectory / "migrate";
            var migrations = MigrationsDirectory is { } folder ? RootDirectory / folder : ServiceProject.Parent / "Migrations";
            var migrator = await ServiceMigrator.PrepareAsync(
                ServiceAssembly is { } assembly ? RootDirectory / assembly : null, ServiceProject, Configuration, migrations, work, cancellation);
            var record = await new DatabaseMigration(address, DatabaseUrl!, migrator, new Backups(BackupsDirectory), work)
                .RunAsync(request, ArtifactsDirectory / "migration.json", cancellation);
            ReportSummary(record.VersionAfter == record.VersionBefore
                ? $"{record.Outcome} at V{record.VersionAfter}"
                : $"V{record.VersionBefore} → V{record.VersionAfter}, backup {record.Backup ?? "skipped"}");
        });

    private async Task MigrateOnAwsAsync(MigrationRequest request, CancellationToken cancellation)
    {
        var (image, version, _) = ReleaseToDeploy();
        var target = new EcsMigrationTarget(
            EcsNames, image, RdsInstanceId, MigrationTaskTimeout, SnapshotTimeout, new Dictionary<string, string> { ["version"] = version ?? image.Short });
        var awaiting = AwsWaiting.Default();
        var record = await AwsDatabaseClients.For(ConnectAws(), awaiting).Migration(awaiting)
            .RunAsync(target, request, ArtifactsDirectory / "migration.json", cancellation);
        ReportSummary(EcsMigration.Summary(record, request));
    }
}
