namespace Engine.Workflows;

/// <summary>
/// A job with <see cref="JobDeclaration.Aws"/> gets the role and region on its run step, beside its parameters. No
/// aws-actions step: with id-token: write GitHub gives the job a token endpoint, and the build's own AWS connection
/// fetches the token and lets the SDK's default chain assume the role.
/// </summary>
internal static class JobAwsEnvironment
{
    public static void Assign(JobSet set, DeclarationErrors errors)
    {
        foreach (var job in set.Jobs)
        {
            if (job.Declaration.Aws is not { } aws)
                continue;
            foreach (var variable in new[] { aws.RoleVariable, aws.RegionVariable }.Where(v => !JobParameters.IsVariableName(v)))
                errors.Add($"Job {job.Id}: '{variable}' is not a valid variable name for its AWS access.");
            var environment = new SortedDictionary<string, string>(job.Environment.ToDictionary(), StringComparer.Ordinal);
            foreach (var (name, expression) in aws.Environment)
            {
                if (!environment.TryAdd(name, expression))
                    errors.Add($"Job {job.Id}: {name} comes from a parameter mapping and from its AWS access; drop the mapping, the AWS access sets it.");
            }

            job.Environment = environment.ToList();
        }
    }
}
