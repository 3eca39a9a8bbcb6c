using Engine;
using Pipeline.Database;
using Pipeline.Hosting;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// A build that works on an environment's database on AWS: an RDS instance (snapshots before a migration, restores
/// from them) used by the service running in the environment's ECS cluster.
/// </summary>
public interface IHazAwsDatabase : IHazDatabase, IHazEcs
{
    [Parameter("RDS instance of the environment's database", DefaultText = "<app>-<env>")]
    string? RdsInstance => TryGetValue(() => RdsInstance);

    [Parameter("How long to wait for an RDS snapshot to become available")]
    TimeSpan SnapshotTimeout => TryGetValue<TimeSpan>(() => SnapshotTimeout) ?? TimeSpan.FromMinutes(60);

    [Parameter("How long to wait for the migration's ECS task to stop (AWS environments)")]
    TimeSpan MigrationTaskTimeout => TryGetValue<TimeSpan>(() => MigrationTaskTimeout) ?? TimeSpan.FromMinutes(30);

    string RdsInstanceId => RdsInstance ?? EcsNames.Prefix;

    IDatabasePlatform IHazDatabase.CreateDatabasePlatform() => CreateEcsDatabase();

    IDatabasePlatform CreateEcsDatabase()
    {
        RequireHostedOn(HostingPlatform.Ecs, "the AWS database (RDS, the migration task)");
        return new EcsDatabase(ConnectAws, EcsNames, RdsInstanceId, MigrationTaskTimeout, SnapshotTimeout);
    }
}
