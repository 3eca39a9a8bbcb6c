using Engine.Targets;

namespace Engine.Planning;

/// <summary>Turns invoked target names into an <see cref="ExecutionPlan"/>: closure, skips, cycle check, order.</summary>
public static class Planner
{
    /// <param name="graph">All targets of the build.</param>
    /// <param name="invokedNames">Names the user asked for.</param>
    /// <param name="skip">null: skip nothing; empty: skip every target not invoked; names: skip those.</param>
    /// <param name="evaluateConditions">Evaluate the planned targets' static conditions (a run does; CI generation does not).</param>
    public static ExecutionPlan Plan(TargetGraph graph, IReadOnlyList<string> invokedNames, IReadOnlyList<string>? skip = null, bool evaluateConditions = false)
    {
        if (CycleFinder.Find(graph.Targets) is { } cycle)
            throw new UsageException($"Circular dependencies between targets: {string.Join(" → ", cycle)}.");

        var invoked = invokedNames.Select(name => Resolve(graph, name)).Distinct().ToList();
        var planned = Closure(invoked);
        var skipped = new Dictionary<ExecutableTarget, string>();
        var skippedByName = skip is { Count: 0 } ? planned.Where(t => !invoked.Contains(t)) : (skip ?? []).Select(name => Resolve(graph, name)).Where(planned.Contains);
        foreach (var target in skippedByName)
            skipped[target] = "--skip";

        var conditionErrors = new Dictionary<ExecutableTarget, string>();
        if (evaluateConditions)
        {
            (var conditionSkips, conditionErrors) = StaticConditions.Evaluate(planned.Where(t => !skipped.ContainsKey(t)));
            foreach (var (target, reason) in conditionSkips)
                skipped[target] = reason;
        }

        foreach (var (target, reason) in SkipPropagation.NotNeeded(planned, invoked, skipped.ContainsKey))
            skipped[target] = reason;
        return new ExecutionPlan(invoked, Order(invoked, planned), skipped, conditionErrors);
    }

    public static ExecutableTarget Resolve(TargetGraph graph, string name)
    {
        if (graph.Find(name) is { } target)
            return target;
        var nearest = NameSuggestions.Nearest(name, graph.Targets.Select(t => t.Name));
        var hint = nearest.Count > 0 ? $" Did you mean {string.Join(", ", nearest)}?" : "";
        throw new UsageException($"Unknown target '{name}'.{hint} Run --help to list the targets.");
    }

    /// <summary>Invoked targets, what they depend on and what they trigger, transitively.</summary>
    private static HashSet<ExecutableTarget> Closure(IEnumerable<ExecutableTarget> invoked)
    {
        var planned = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(invoked);
        while (pending.TryPop(out var target))
        {
            if (!planned.Add(target))
                continue;
            foreach (var next in target.ExecutionDependencies.Concat(target.TriggeredTargets))
                pending.Push(next);
        }

        return planned;
    }

    /// <summary>Depth-first from the invoked targets, predecessors first, so the order reads as the user asked.</summary>
    private static List<ExecutableTarget> Order(IEnumerable<ExecutableTarget> invoked, HashSet<ExecutableTarget> planned)
    {
        var ordered = new List<ExecutableTarget>();
        var visited = new HashSet<ExecutableTarget>();

        void Visit(ExecutableTarget target)
        {
            if (!visited.Add(target))
                return;
            foreach (var predecessor in target.Predecessors.Where(planned.Contains).OrderBy(p => p.DeclarationIndex))
                Visit(predecessor);
            ordered.Add(target);
        }

        foreach (var target in invoked)
            Visit(target);

        // Triggered targets are not predecessors of anything invoked; they follow, in declaration order.
        foreach (var target in planned.OrderBy(t => t.DeclarationIndex))
            Visit(target);
        return ordered;
    }
}
