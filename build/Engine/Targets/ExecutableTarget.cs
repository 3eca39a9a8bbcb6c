using Engine.Targets;

namespace Engine;

/// <summary>A target with its references resolved: the node the planner, the runner and the CI generator work on.</summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, int declarationIndex, TargetDefinition definition)
    {
        Name = name;
        DeclarationIndex = declarationIndex;
        Definition = definition;
    }

    public string Name { get; }
    public string? Description => Definition.DescriptionText;

    /// <summary>Position in the build class: the tie-break that keeps plans stable.</summary>
    public int DeclarationIndex { get; }

    /// <summary>Targets that must run first and are pulled into the plan (DependsOn, and DependentFor declared on them).</summary>
    public IReadOnlyList<ExecutableTarget> ExecutionDependencies => ExecutionDependencyList;

    /// <summary>Targets that must run first when they are planned (After, and Before declared on them).</summary>
    public IReadOnlyList<ExecutableTarget> OrderDependencies => OrderDependencyList;

    /// <summary>Targets this one triggers (Triggers, and TriggeredBy declared on them): added to the plan, run after.</summary>
    public IReadOnlyList<ExecutableTarget> TriggeredTargets => TriggeredTargetList;

    /// <summary>Targets whose triggering adds this one.</summary>
    public IReadOnlyList<ExecutableTarget> TriggerDependencies => TriggerDependencyList;

    public IReadOnlyList<string> Produces => Definition.ProducedGlobs;
    /// <summary>Targets whose produced files this one reads (Consumes): ordered before it, and downloaded in CI.</summary>
    public IReadOnlyList<ExecutableTarget> Consumes => ConsumedList;

    /// <summary>Values this target sets for later targets and jobs.</summary>
    public IReadOnlyList<TargetOutput> Outputs => Definition.DeclaredOutputs;
    public bool IsProceedAfterFailure => Definition.IsProceedAfterFailure;
    public bool IsAssuredAfterFailure => Definition.IsAssuredAfterFailure;
    public bool IsUnlisted => Definition.IsUnlisted;

    /// <summary>A target without actions only groups others; it stays out of the summary.</summary>
    public bool IsCollective => Definition.Actions.Count == 0;

    /// <summary>Every target that must finish before this one starts, when planned: execution, ordering and trigger edges.</summary>
    public IEnumerable<ExecutableTarget> Predecessors => ExecutionDependencyList.Concat(OrderDependencyList).Concat(TriggerDependencyList).Distinct();

    internal TargetDefinition Definition { get; }
    internal List<ExecutableTarget> ExecutionDependencyList { get; } = [];
    internal List<ExecutableTarget> OrderDependencyList { get; } = [];
    internal List<ExecutableTarget> TriggeredTargetList { get; } = [];
    internal List<ExecutableTarget> TriggerDependencyList { get; } = [];
    internal List<ExecutableTarget> ConsumedList { get; } = [];

    public override string ToString() => Name;
}
