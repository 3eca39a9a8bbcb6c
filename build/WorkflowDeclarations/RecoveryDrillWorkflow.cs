using Engine.Workflows;
using Pipeline.Database;
using Pipeline.Platforms.Ecs;
using Pipeline.Recovery;

internal sealed partial class Build
{
    /// <summary>
    /// Every week, and by hand, each AWS environment's newest backup is restored where no user reaches it, served by
    /// the live release and smoke-tested (RecoveryDrill); the report is the run's step summary and its artifact. One
    /// run per environment side by side, with that environment's deploy role: production's waits for its reviewers,
    /// like any job naming that environment. Never cancelled half-way: the drill deletes what it made as it ends.
    /// </summary>
    private WorkflowDeclaration RecoveryDrillWorkflow => new("recovery-drill.yml", "Recovery drill")
    {
        On = new()
        {
            // Monday 04:17 UTC: before people deploy, off the hour everyone's schedules start on.
            Schedules = ["17 4 * * 1"],
            Dispatch = new()
            {
                Inputs =
                [
                    new(nameof(IHazBackupName.Backup)) { Description = "An RDS snapshot MigrateDb took; empty: the newest" },
                    new(nameof(IRecoveryDrill.MaxRecoveryTime)) { Description = "Fail when the recovery takes longer (e.g. 45m); empty: no goal" },
                    new(nameof(IRecoveryDrill.MaxBackupAge)) { Description = "Fail when the newest backup is older (e.g. 7d); empty: no goal" },
                ],
            },
        },
        Invokes = [From<IRecoveryDrill>().RecoveryDrill],
        Concurrency = new("recovery-drill", CancelInProgress: false),
        Jobs =
        [
            new(From<IRecoveryDrill>().RecoveryDrill)
            {
                Environments = [IDeployStaging.StagingProfile, IDeployProduction.ProductionProfile],
                Credentials = DeployAws,
                Parameters = [nameof(IHazBackupName.Backup), nameof(IRecoveryDrill.MaxRecoveryTime), nameof(IRecoveryDrill.MaxBackupAge)],
                // The report is wanted most when the drill failed.
                UploadsOnFailure = true,
                // An RDS restore takes most of it; the deploy role's session lasts an hour.
                TimeoutMinutes = 55,
            },
        ],
    };
}
