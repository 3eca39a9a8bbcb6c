namespace Engine.Workflows;

/// <summary>The events that start a workflow (its <c>on:</c> block); at least one must be set.</summary>
public sealed class WorkflowTriggers
{
    public PushTrigger? Push { get; init; }

    public PullRequestTrigger? PullRequest { get; init; }

    /// <summary>Cron expressions, in UTC.</summary>
    public IReadOnlyList<string> Schedules { get; init; } = [];

    /// <summary>Manual runs (workflow_dispatch), with typed inputs bound to parameters.</summary>
    public DispatchTrigger? Dispatch { get; init; }
}

public sealed class PushTrigger
{
    public IReadOnlyList<string> Branches { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Paths { get; init; } = [];
}

public sealed class PullRequestTrigger
{
    public IReadOnlyList<string> Branches { get; init; } = [];
    public IReadOnlyList<string> Paths { get; init; } = [];
}

public sealed class DispatchTrigger
{
    public IReadOnlyList<DispatchInput> Inputs { get; init; } = [];
}

/// <summary>
/// A workflow_dispatch input that sets a parameter. Its type follows the parameter's: bool → boolean, enum → choice
/// of its names, number → number, anything else → string; its name is the parameter's in snake_case.
/// </summary>
public sealed class DispatchInput(string parameter)
{
    /// <summary>The [Parameter] member's name: use nameof.</summary>
    public string Parameter { get; } = parameter;

    /// <summary>Shown in the "Run workflow" form; the parameter's description when null.</summary>
    public string? Description { get; init; }

    public bool Required { get; init; }

    public string? Default { get; init; }
}
