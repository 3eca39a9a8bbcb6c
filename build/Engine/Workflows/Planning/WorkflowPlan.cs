namespace Engine.Workflows;

/// <summary>A declaration checked against the build and turned into jobs: what the YAML and the Mermaid graph render.</summary>
public sealed class WorkflowPlan(WorkflowDeclaration declaration, string source, IReadOnlyList<WorkflowJob> jobs, IReadOnlyList<PlannedInput> inputs)
{
    public WorkflowDeclaration Declaration { get; } = declaration;

    /// <summary>Where it was declared, e.g. "Build.Ci", for the generated file's header.</summary>
    public string Source { get; } = source;

    /// <summary>Jobs in an order where every job comes after the jobs it needs.</summary>
    public IReadOnlyList<WorkflowJob> Jobs { get; } = jobs;

    public IReadOnlyList<PlannedInput> Inputs { get; } = inputs;

    public WorkflowJob Job(string id) => Jobs.Single(j => j.Id == id);
}

/// <summary>A workflow_dispatch input with its type taken from the parameter it sets.</summary>
public sealed record PlannedInput(string Name, string Type, string? Description, bool Required, string? Default, IReadOnlyList<string> Options);
