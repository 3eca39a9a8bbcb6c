using Engine.Workflows;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Platforms.Ecs;

internal sealed partial class Build
{
    /// <summary>
    /// Production is promoted by hand ("Run workflow"), never on a push: the digest staging verified (its live task
    /// definition's, or the one given) is migrated for, deployed blue/green and smoke-tested; nothing is rebuilt.
    /// MigrateDb, DeployBlueGreen and SmokeTest are one job because GitHub asks the production environment's reviewers
    /// once per job that names it: one approval per deploy, given after reading the plan job's step summary. Rollback, on their failure, is its own job and so its own
    /// approval. One production deploy at a time, never cancelled half-way.
    /// </summary>
    private WorkflowDeclaration DeployProductionWorkflow => new("deploy-production.yml", "Deploy production")
    {
        On = new()
        {
            Dispatch = new()
            {
                Inputs =
                [
                    new(nameof(IDeployBlueGreen.ImageDigest))
                    {
                        Description = "Image to promote, repository@sha256:…; empty: the one staging runs now (it must be one staging has run)",
                    },
                ],
            },
        },
        Invokes = [DeployPlan, From<IDeployProduction>().DeployProduction, From<IRollback>().Rollback],
        Concurrency = Concurrency.Deployment(IDeployProduction.ProductionProfile),
        Parameters = [ParameterMapping.Secret(nameof(IHazDeployment.DeployWebhookUrl), "DEPLOY_WEBHOOK_URL")],
        Jobs =
        [
            PlanJob(IDeployProduction.ProductionProfile, nameof(IDeployBlueGreen.ImageDigest)),
            new(From<IMigrateDb>().MigrateDb, From<IDeployBlueGreen>().DeployBlueGreen, From<ISmokeTest>().SmokeTest)
            {
                Id = "deploy",
                Environment = IDeployProduction.ProductionProfile,
                Credentials = DeployAws,
                Profile = IDeployProduction.ProductionProfile,
                Parameters = [nameof(IDeployBlueGreen.ImageDigest), nameof(IHazDeployment.DeployWebhookUrl)],
                UploadsOnFailure = true,
                // An RDS snapshot, the migration and four bakes of two minutes; under the hour the role's session lasts.
                TimeoutMinutes = 50,
            },
            RollbackJob(IDeployProduction.ProductionProfile),
        ],
    };
}
