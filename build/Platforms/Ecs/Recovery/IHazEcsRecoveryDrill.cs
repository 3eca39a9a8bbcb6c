using Engine;
using Pipeline.Platforms.Ecs.Database;
using Pipeline.Recovery;

namespace Pipeline.Platforms.Ecs.Recovery;

/// <summary>A build whose AWS environments can be drilled: the snapshot restored beside the live RDS instance, the live revision run against it (<see cref="EcsRecoveryDrill"/>).</summary>
public interface IHazEcsRecoveryDrill : IHazEcsPlatform, IHazAwsDatabase, IHazRecoveryDrillPlatform
{
    [Parameter("How long RecoveryDrill waits for the RDS instance restored from the snapshot to become available (AWS environments)")]
    TimeSpan DrillRestoreTimeout => TryGetValue<TimeSpan>(() => DrillRestoreTimeout) ?? TimeSpan.FromMinutes(60);

    [Parameter("How long RecoveryDrill waits for its task to be healthy and reached through the test listener (AWS environments)")]
    TimeSpan DrillStartTimeout => TryGetValue<TimeSpan>(() => DrillStartTimeout) ?? TimeSpan.FromMinutes(10);

    IRecoveryDrillPlatform IHazRecoveryDrillPlatform.CreateRecoveryDrillPlatform() => CreateEcsRecoveryDrill();

    IRecoveryDrillPlatform CreateEcsRecoveryDrill()
    {
        RequireEcsHosting();
        var connection = ConnectAws();
        var deadlines = new EcsDrillDeadlines(DrillRestoreTimeout, MigrationTaskTimeout, DrillStartTimeout);
        return new EcsRecoveryDrill(EcsDrillClients.For(connection), EcsPlatformSettingsIn(connection.Region), RdsInstanceId, deadlines);
    }
}
