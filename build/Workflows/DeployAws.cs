using Engine.Workflows;

internal sealed partial class Build
{
    /// <summary>
    /// The deploy role and region, as variables of each GitHub environment (staging, production): the same names in
    /// both, so each environment names its own role, and a role's trust policy can require that environment's subject.
    /// </summary>
    private static readonly AwsAccess DeployAws = new(RoleVariable: "AWS_DEPLOY_ROLE_ARN", RegionVariable: "AWS_REGION");
}
