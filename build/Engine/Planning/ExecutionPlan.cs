namespace Engine.Planning;

/// <summary>The targets one invocation runs, in a valid order, with the ones that will be skipped and why.</summary>
public sealed class ExecutionPlan
{
    internal ExecutionPlan(
        IReadOnlyList<ExecutableTarget> invoked,
        IReadOnlyList<ExecutableTarget> ordered,
        IReadOnlyDictionary<ExecutableTarget, string> skipped,
        IReadOnlyDictionary<ExecutableTarget, string> conditionErrors)
    {
        Invoked = invoked;
        Targets = ordered;
        SkipReasons = skipped;
        ConditionErrors = conditionErrors;
    }

    public IReadOnlyList<ExecutableTarget> Invoked { get; }

    /// <summary>Every planned target in an order that respects all edges; skipped ones included.</summary>
    public IReadOnlyList<ExecutableTarget> Targets { get; }

    public IReadOnlyDictionary<ExecutableTarget, string> SkipReasons { get; }

    /// <summary>Targets whose static condition threw, with what it threw: they fail before anything runs.</summary>
    public IReadOnlyDictionary<ExecutableTarget, string> ConditionErrors { get; }

    public bool Contains(ExecutableTarget target) => Targets.Contains(target);

    /// <summary>Planned targets that must finish before <paramref name="target"/> starts.</summary>
    public IEnumerable<ExecutableTarget> PlannedPredecessors(ExecutableTarget target) => target.Predecessors.Where(Contains);

    /// <summary>
    /// Groups of targets that can run side by side: each wave needs only targets of earlier waves.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ExecutableTarget>> Waves()
    {
        var level = new Dictionary<ExecutableTarget, int>();
        foreach (var target in Targets)
            level[target] = PlannedPredecessors(target).Select(p => level[p] + 1).DefaultIfEmpty(0).Max();
        return Targets.GroupBy(t => level[t]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<ExecutableTarget>)g.ToList()).ToList();
    }
}
