using Engine.Workflows;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Images;
using Pipeline.Platforms.Ecs;
using Pipeline.Scanning;

internal sealed partial class Build
{
    /// <summary>
    /// Every push to main goes to staging: the image built, scanned and pushed on one machine (Scan and PushEcr read
    /// the image BuildImage left in the runner's Docker engine), then MigrateDb, DeployBlueGreen and SmokeTest each
    /// their own job with the pushed digest, after the plan job, and Rollback when the deploy or the smoke test failed. One staging deploy
    /// at a time; a newer push waits instead of cancelling a deploy half-way.
    /// </summary>
    private WorkflowDeclaration DeployStagingWorkflow => new("deploy-staging.yml", "Deploy staging")
    {
        On = new() { Push = new() { Branches = ["main"] } },
        Invokes = [DeployPlan, From<IDeployStaging>().DeployStaging, From<IRollback>().Rollback],
        Concurrency = Concurrency.Deployment(IDeployStaging.StagingProfile),
        Parameters =
        [
            ParameterMapping.Output(nameof(IDeployBlueGreen.ImageDigest), From<IPushEcr>().PushEcr, ImageOutputs.Digest),
            ParameterMapping.Secret(nameof(IHazDeployment.DeployWebhookUrl), "DEPLOY_WEBHOOK_URL"),
        ],
        Jobs =
        [
            PlanJob(IDeployStaging.StagingProfile),
            new(From<IBuildImage>().BuildImage, From<IScan>().Scan, From<IPushEcr>().PushEcr)
            {
                Id = "image",
                Environment = IDeployStaging.StagingProfile,
                Credentials = DeployAws,
                Profile = IDeployStaging.StagingProfile,
                // The pinned Trivy (npm) and the runner's own Docker engine, as in ci.yml's image job.
                RunWith = "SERVICES_ONLY='docker trivy' build/services/with-services.sh",
                Sarif = "artifacts/scan/scan.sarif",
                UploadsOnFailure = true,
            },
            new(From<IMigrateDb>().MigrateDb)
            {
                Environment = IDeployStaging.StagingProfile,
                Credentials = DeployAws,
                Profile = IDeployStaging.StagingProfile,
                // On AWS the one-off task runs the release's own image.
                Parameters = [nameof(IDeployBlueGreen.ImageDigest)],
            },
            new(From<IDeployBlueGreen>().DeployBlueGreen)
            {
                Environment = IDeployStaging.StagingProfile,
                Credentials = DeployAws,
                Profile = IDeployStaging.StagingProfile,
                Parameters = [nameof(IDeployBlueGreen.ImageDigest), nameof(IHazDeployment.DeployWebhookUrl)],
                // The record is what Rollback reads to know whether this run went live.
                UploadsOnFailure = true,
            },
            new(From<ISmokeTest>().SmokeTest) { Environment = IDeployStaging.StagingProfile, Credentials = DeployAws, Profile = IDeployStaging.StagingProfile },
            RollbackJob(IDeployStaging.StagingProfile),
        ],
    };
}
