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

    public string ParseBackupName(string given) => RdsSnapshotName.Parse(given);

    public async Task<string> RestoreAsync(string backup, CancellationToken cancellation)
    {
        var restored = await AwsDatabaseClients.For(connect(), AwsWaiting.Default()).Restore.RunAsync(backup, rdsInstanceId, names, cancellation);
        return $"restored {backup} to the new RDS instance {restored.Id}";
    }
}
