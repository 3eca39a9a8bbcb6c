namespace Engine.Workflows;

/// <summary>
/// A GitHub Actions workflow, declared as a property of the build class and generated into
/// <c>.github/workflows/{File}</c>. The jobs are not declared: they follow the target graph from <see cref="Invokes"/>;
/// <see cref="Jobs"/> only adds settings to some of them.
/// </summary>
public sealed class WorkflowDeclaration(string file, string name)
{
    /// <summary>The file name under .github/workflows, e.g. "ci.yml".</summary>
    public string File { get; } = file;

    /// <summary>The name GitHub shows for the workflow.</summary>
    public string Name { get; } = name;

    public WorkflowTriggers On { get; init; } = new();

    /// <summary>The targets the workflow runs; what they depend on and trigger becomes jobs too.</summary>
    public IReadOnlyList<Target> Invokes { get; init; } = [];

    /// <summary>
    /// Planned targets the workflow leaves out, as <c>--skip</c> does (with the dependencies only they need): a
    /// promotion skips building the image it is given.
    /// </summary>
    public IReadOnlyList<Target> Skips { get; init; } = [];

    /// <summary>Settings for some jobs: environment, AWS access, shared machine, failure path …</summary>
    public IReadOnlyList<JobDeclaration> Jobs { get; init; } = [];

    /// <summary>Where parameters get their values in CI; each job receives those its targets require or it lists.</summary>
    public IReadOnlyList<ParameterMapping> Parameters { get; init; } = [];

    /// <summary>The workflow's token permissions; a job that needs more (OIDC, code scanning) gets its own block.</summary>
    public Permissions Permissions { get; init; } = Permissions.ReadContents;

    public Concurrency? Concurrency { get; init; }

    public string RunsOn { get; init; } = "ubuntu-latest";

    public int TimeoutMinutes { get; init; } = 30;

    /// <summary>Commits to check out for every job (0: all history and tags); null keeps actions/checkout's default of 1.</summary>
    public int? FetchDepth { get; init; }

    public int ArtifactRetentionDays { get; init; } = 7;
}
