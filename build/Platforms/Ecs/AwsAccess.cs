using Engine.Workflows;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// AWS credentials by GitHub's OIDC token (no stored keys): the role ARN and the region come from configuration
/// variables, so each environment can name its own role. The job's run step receives them as AWS_ROLE_ARN and
/// AWS_REGION; the build itself exchanges the job's ID token for the role's credentials (no action in between), so CI
/// runs the same credential code as a laptop.
/// </summary>
public sealed record AwsAccess(string RoleVariable, string RegionVariable) : CiCredentials
{
    public override string Name => "AWS access";

    public override IEnumerable<string> Variables => [RoleVariable, RegionVariable];

    /// <summary>The variables AWSSDK's default chain reads.</summary>
    public override IEnumerable<KeyValuePair<string, string>> Environment =>
    [
        new("AWS_REGION", $"${{{{ vars.{RegionVariable} }}}}"),
        new("AWS_ROLE_ARN", $"${{{{ vars.{RoleVariable} }}}}"),
    ];

    public override bool UsesIdToken => true;
}
