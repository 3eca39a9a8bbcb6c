namespace Engine.Workflows;

/// <summary>
/// Settings for the job that runs <see cref="Targets"/>. Several targets make one job on one machine, for targets
/// that share local state (a Docker image built then pushed); each other target of the workflow gets its own job.
/// </summary>
public sealed class JobDeclaration(params Target[] targets)
{
    public IReadOnlyList<Target> Targets { get; } = targets;

    /// <summary>The job's id; by default the last target's name in kebab-case.</summary>
    public string? Id { get; init; }

    /// <summary>The GitHub environment: its protection rules (required reviewers) gate the job, its secrets and variables apply.</summary>
    public string? Environment { get; init; }

    public string? EnvironmentUrl { get; init; }

    /// <summary>
    /// Run the job once per environment, side by side (a matrix): each run names its environment, as
    /// <see cref="Environment"/> would, and passes it as --profile; one failing does not cancel the others. Excludes
    /// <see cref="Environment"/> and <see cref="Profile"/>.
    /// </summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>What a step reads as this run's environment under <see cref="Environments"/>.</summary>
    public const string MatrixEnvironment = "${{ matrix.environment }}";

    /// <summary>A platform's credentials for the build (AWS by OIDC); adds their variables and, for OIDC, id-token: write.</summary>
    public CiCredentials? Credentials { get; init; }

    /// <summary>Names of mapped parameters this job receives although its targets do not Require them.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>When the job runs; null: after its needs succeeded, or always for AssuredAfterFailure targets.</summary>
    public RunCondition? RunsWhen { get; init; }

    /// <summary>With <see cref="RunCondition.Failure"/>: run only when one of these targets' jobs failed (a rollback).</summary>
    public IReadOnlyList<Target> OnFailureOf { get; init; } = [];

    /// <summary>A command the build runs under, e.g. a script that starts PostgreSQL first: "<c>RunWith ./build.sh …</c>".</summary>
    public string? RunWith { get; init; }

    /// <summary>Passed as --profile, so .nuke/parameters.{Profile}.json applies.</summary>
    public string? Profile { get; init; }

    /// <summary>Upload what the targets produce even when the job failed: test reports, the state a rollback reads.</summary>
    public bool UploadsOnFailure { get; init; }

    /// <summary>A SARIF file or folder the job writes, uploaded to GitHub code scanning (adds security-events: write).</summary>
    public string? Sarif { get; init; }

    public int? FetchDepth { get; init; }
    public int? TimeoutMinutes { get; init; }
    public string? RunsOn { get; init; }
    public Concurrency? Concurrency { get; init; }

    /// <summary>Permissions beyond what the generator derives (contents: read, OIDC, code scanning).</summary>
    public Permissions? Permissions { get; init; }
}

public enum RunCondition
{
    /// <summary>Only when every job it needs succeeded (GitHub's default).</summary>
    Success,

    /// <summary>Whatever happened to the jobs it needs: clean-up.</summary>
    Always,

    /// <summary>Only when a job it depends on failed: rollback.</summary>
    Failure,
}
