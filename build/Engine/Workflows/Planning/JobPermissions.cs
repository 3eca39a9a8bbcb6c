namespace Engine.Workflows;

/// <summary>
/// Each job's token permissions: the workflow's, plus what its own steps need (id-token for OIDC credentials, security-events
/// for code scanning) and what its declaration adds. A job that needs nothing more inherits the workflow's block.
/// </summary>
internal static class JobPermissions
{
    public static void Assign(JobSet set, WorkflowDeclaration declaration)
    {
        foreach (var job in set.Jobs)
        {
            var permissions = declaration.Permissions.Union(Permissions.ReadContents);
            if (job.Declaration.Credentials is { UsesIdToken: true })
                permissions = permissions.With(PermissionScope.IdToken, PermissionLevel.Write);
            if (job.Declaration.Sarif is not null)
            {
                // upload-sarif reads the run's status through the Actions API in private repositories.
                permissions = permissions.With(PermissionScope.SecurityEvents, PermissionLevel.Write).With(PermissionScope.Actions, PermissionLevel.Read);
            }

            job.Permissions = job.Declaration.Permissions is { } extra ? permissions.Union(extra) : permissions;
        }
    }
}
