namespace Engine.Workflows;

/// <summary>Runs that share a group run one at a time; <see cref="CancelInProgress"/> says whether a new one stops the running one.</summary>
public sealed record Concurrency(string Group, bool CancelInProgress)
{
    /// <summary>CI: a new push to the same branch or pull request supersedes the run in progress.</summary>
    public static Concurrency PerRef { get; } = new("${{ github.workflow }}-${{ github.ref }}", CancelInProgress: true);

    /// <summary>Deploys: one at a time per environment, and a running deploy is never cancelled half-way.</summary>
    public static Concurrency Deployment(string environment) => new($"deploy-{environment}", CancelInProgress: false);
}
