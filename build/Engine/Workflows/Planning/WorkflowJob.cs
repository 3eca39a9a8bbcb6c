namespace Engine.Workflows;

/// <summary>One job of a generated workflow: the targets it runs with <c>./build.sh … --skip</c>, and everything around them.</summary>
public sealed class WorkflowJob
{
    internal WorkflowJob(string id, IReadOnlyList<ExecutableTarget> targets, JobDeclaration? declaration)
    {
        Id = id;
        Targets = targets;
        Declaration = declaration ?? new JobDeclaration();
    }

    public string Id { get; }

    /// <summary>The targets it invokes, in plan order.</summary>
    public IReadOnlyList<ExecutableTarget> Targets { get; }

    public JobDeclaration Declaration { get; }

    public string Name => string.Join(" + ", Targets.Select(t => t.Name));

    /// <summary>Jobs that must finish first, without the ones another need already implies.</summary>
    public IReadOnlyList<WorkflowJob> Needs { get; internal set; } = [];

    /// <summary>The job-level <c>if:</c>, or null to run when the needed jobs succeeded.</summary>
    public string? Condition { get; internal set; }

    /// <summary>Whether the job runs only on the failure path (drawn dashed in the job graph).</summary>
    public bool IsFailurePath => Condition?.StartsWith("failure()", StringComparison.Ordinal) == true;

    /// <summary>Environment variable → expression, sorted by name: the parameters this job receives.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; internal set; } = [];

    /// <summary>Names of values the build publishes with WorkflowOutputs.Set that later jobs read.</summary>
    public IReadOnlyList<string> Outputs { get; internal set; } = [];

    /// <summary>Artifacts of targets in earlier jobs that this job's targets consume.</summary>
    public IReadOnlyList<JobArtifact> Downloads { get; internal set; } = [];

    /// <summary>Artifacts of this job's targets: their Produces globs.</summary>
    public IReadOnlyList<JobArtifact> Uploads { get; internal set; } = [];

    public Permissions Permissions { get; internal set; } = Permissions.ReadContents;

    public override string ToString() => Id;
}

/// <summary>What a target produces, as one artifact named after it, and the folder its files are relative to.</summary>
public sealed record JobArtifact(string Name, ExecutableTarget Producer, IReadOnlyList<string> Globs, string Root);
