using Pipeline.Aws;
using Pipeline.Waiting;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>The AWS clients MigrateDb and RestoreDb use on an AWS environment, all on one connection.</summary>
internal sealed record AwsDatabaseClients(EcsClient Ecs, Rds Rds, CloudWatchLogs Logs, MigrationSnapshots Snapshots)
{
    public static AwsDatabaseClients For(AwsConnection connection, Awaiting awaiting)
    {
        var rds = new Rds(connection);
        return new(new EcsClient(connection), rds, new CloudWatchLogs(connection), new MigrationSnapshots(rds, new RdsResourceTags(new AwsQueryClient(connection, Rds.Service)), awaiting));
    }

    public EcsMigration Migration(Awaiting awaiting) => new(Ecs, Snapshots, new MigrationTask(Ecs, Logs, awaiting));

    public SnapshotRestore Restore => new(Rds, Snapshots);
}
