namespace Engine.Workflows;

/// <summary>
/// A job with <see cref="JobDeclaration.Credentials"/> gets their variables on its run step, beside its parameters.
/// No login action: with id-token: write GitHub gives the job a token endpoint, and the build's own platform
/// connection fetches the token (for AWS, the SDK's default chain then assumes the role).
/// </summary>
internal static class JobCredentialsEnvironment
{
    public static void Assign(JobSet set, DeclarationErrors errors)
    {
        foreach (var job in set.Jobs)
        {
            if (job.Declaration.Credentials is not { } credentials)
                continue;
            foreach (var variable in credentials.Variables.Where(v => !JobParameters.IsVariableName(v)))
                errors.Add($"Job {job.Id}: '{variable}' is not a valid variable name for its {credentials.Name}.");
            var environment = new SortedDictionary<string, string>(job.Environment.ToDictionary(), StringComparer.Ordinal);
            foreach (var (name, expression) in credentials.Environment)
            {
                if (!environment.TryAdd(name, expression))
                    errors.Add($"Job {job.Id}: {name} comes from a parameter mapping and from its {credentials.Name}; drop the mapping, the {credentials.Name} sets it.");
            }

            job.Environment = environment.ToList();
        }
    }
}
