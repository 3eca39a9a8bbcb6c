namespace Engine.Workflows;

/// <summary>
/// How a job's build obtains a platform's credentials in CI, without stored keys: the platform (build/Platforms)
/// says which configuration variables its run step receives and whether it needs GitHub's OIDC token. The engine
/// knows no cloud; it checks the names, adds the variables and the permission.
/// </summary>
public abstract record CiCredentials
{
    /// <summary>What the credentials are, for errors: "AWS access".</summary>
    public abstract string Name { get; }

    /// <summary>The repository or environment variables the credentials read; each must be a valid variable name.</summary>
    public abstract IEnumerable<string> Variables { get; }

    /// <summary>The run step's environment: a name and its expression over <see cref="Variables"/>.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Environment { get; }

    /// <summary>True when the build exchanges the job's OIDC token (the job gets id-token: write).</summary>
    public abstract bool UsesIdToken { get; }
}
