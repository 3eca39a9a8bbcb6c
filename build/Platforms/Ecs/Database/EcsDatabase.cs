using Engine;
using Pipeline.Aws;
using Pipeline.Database;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// The database of an environment on AWS, an RDS instance the build never connects to: the release's image checks
/// and migrates as a one-off ECS task after an RDS snapshot, and a restore makes a new instance from such a snapshot.
/// </summary>
internal sealed class EcsDatabase(Func<AwsConnection> connect, EcsNames names, string rdsInstanceId, TimeSpan taskTimeout, TimeSpan snapshotTimeout) : IDatabasePlatform
{
    public async Task<string> MigrateAsync(MigrationRequest request, MigrationSource source, AbsolutePath recordFile, CancellationToken cancellation)
    {
        var (image, version, _) = source.Release();
        var target = new EcsMigrationTarget(
            names, image, rdsInstanceId, taskTimeout, snapshotTimeout, new Dictionary<string, string> { ["version"] = version ?? image.Short });
        var awaiting = AwsWaiting.Default();
        var record = await AwsDatabaseClients.For(connect(), awaiting).Migration(awaiting).RunAsync(target, request, recordFile, cancellation);
        return EcsMigration.Summary(record, request);
    }

    /// <summary>
    /// The build never reaches an RDS database: only the release's image, as a one-off task in the VPC, can list what is
    /// pending and check it. A plan starts no task, so it says where the answer comes from instead.
    /// </summary>
    public Task<MigrationPreview> PreviewAsync(MigrationRequest request, MigrationSource source, CancellationToken cancellation) =>
        Task.FromResult(new MigrationPreview(
            null,
            "checked in the migration task before anything is applied (MigrateDb --dry-run runs that check now)",
            request.SkipBackup ? null : $"RDS snapshot of {rdsInstanceId} first"));

    public string ParseBackupName(string given) => RdsSnapshotName.Parse(given);

    public async Task<string> RestoreAsync(string backup, CancellationToken cancellation)
    {
        var restored = await AwsDatabaseClients.For(connect(), AwsWaiting.Default()).Restore.RunAsync(backup, rdsInstanceId, names, cancellation);
        return $"restored {backup} to the new RDS instance {restored.Id}";
    }
}
