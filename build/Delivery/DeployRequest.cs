using Pipeline.Images;

namespace Pipeline.Delivery;

/// <summary>What to deploy where, and who asks (the lock's holder fields).</summary>
public sealed record DeployRequest(string Environment, ImageDigest Image, string? Version, string? Commit, DeployOwner Owner)
{
    public ExpectedRelease Expected(Color color) => new(Version, Commit, color);

    /// <summary>"1.4.0 (sha256:3f2a…)", or the digest alone without a version.</summary>
    public string Describe() => Describe(Version, Image);

    public static string Describe(string? version, ImageDigest image) => version is { } known ? $"{known} ({image.Short})" : image.Short;
}

/// <summary>Who deploys: a person or CI job, its run id, and the host and process (so a dead holder on this host is recognised).</summary>
public sealed record DeployOwner(string Name, string RunId, string Host, int ProcessId)
{
    public static DeployOwner Current(string runId) =>
        new(Engine.BuildEnvironment.Get("GITHUB_ACTOR") is { Length: > 0 } actor ? actor : System.Environment.UserName,
            runId, System.Environment.MachineName, System.Environment.ProcessId);
}
