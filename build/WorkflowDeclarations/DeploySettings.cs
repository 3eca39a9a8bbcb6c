using Engine.Workflows;
using Pipeline.Delivery;
using Pipeline.Platforms.Ecs;

/// <summary>What the staging and production deploy workflows share.</summary>
internal sealed partial class Build
{
    /// <summary>
    /// The deploy role and region, as variables of each GitHub environment (staging, production): the same names in
    /// both, so each environment names its own role, and a role's trust policy can require that environment's subject.
    /// </summary>
    private static readonly AwsAccess DeployAws = new(RoleVariable: "AWS_DEPLOY_ROLE_ARN", RegionVariable: "AWS_REGION");

    /// <summary>Rollback when the deploy or the smoke test failed, in their environment, its record kept even when it fails.</summary>
    private JobDeclaration RollbackJob(string environment) => new(From<IRollback>().Rollback)
    {
        OnFailureOf = [From<IDeployBlueGreen>().DeployBlueGreen, From<ISmokeTest>().SmokeTest],
        Environment = environment,
        Credentials = DeployAws,
        Profile = environment,
        Parameters = [nameof(IHazDeployment.DeployWebhookUrl)],
        UploadsOnFailure = true,
    };
}
