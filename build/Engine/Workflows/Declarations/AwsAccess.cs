namespace Engine.Workflows;

/// <summary>
/// AWS credentials by GitHub's OIDC token (no stored keys): the role ARN and the region come from configuration
/// variables, so each environment can name its own role.
/// </summary>
public sealed record AwsAccess(string RoleVariable, string RegionVariable);
