using Engine.Targets;

namespace Engine.Planning;

/// <summary>Turns invoked target names into an <see cref="ExecutionPlan"/>: closure, skips, cycle check, order.</summary>
public static class Planner
{
    /// <param name="graph">All targets of the build.</param>
    /// <param name="invokedNames">Names the user asked for.</param>
    /// <param name="skip">null: skip nothing; empty: skip every target not invoked; names: skip those.</param>
    /// <param name="staticSkips">Targets whose static condition is false, with the condition's text.</param>
    public static ExecutionPlan Plan(
        TargetGraph graph,
        IReadOnlyList<string> invokedNames,
        IReadOnlyList<string>? skip = null,
        IReadOnlyDictionary<ExecutableTarget, string>? staticSkips = null)
    {
        if (CycleFinder.Find(graph.Targets) is { } cycle)
            throw new UsageException($"Circular dependencies between targets: {string.Join(" → ", cycle)}.");

        var invoked = invokedNames.Select(name => Resolve(graph, name)).Distinct().ToList();
        var planned = Closure(invoked);
        var skipReasons = SkipReasons(graph, invoked, planned, skip, staticSkips ?? new Dictionary<ExecutableTarget, string>());
        return new ExecutionPlan(invoked, Order(invoked, planned), skipReasons);
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

    /// <summary>
    /// Skipped targets: by --skip, by a false static condition, and dependencies that only skipped targets need.
    /// </summary>
    private static Dictionary<ExecutableTarget, string> SkipReasons(
        TargetGraph graph,
        List<ExecutableTarget> invoked,
        HashSet<ExecutableTarget> planned,
        IReadOnlyList<string>? skip,
        IReadOnlyDictionary<ExecutableTarget, string> staticSkips)
    {
        var reasons = new Dictionary<ExecutableTarget, string>();
        if (skip is { Count: 0 })
        {
            foreach (var target in planned.Where(t => !invoked.Contains(t)))
                reasons[target] = "--skip";
        }
        else if (skip is not null)
        {
            foreach (var target in skip.Select(name => Resolve(graph, name)).Where(planned.Contains))
                reasons[target] = "--skip";
        }

        foreach (var (target, condition) in staticSkips.Where(s => planned.Contains(s.Key)))
            reasons.TryAdd(target, condition);

        // Keep what a running target needs; a dependency reached only through skipped targets is skipped too.
        var needed = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(invoked.Where(t => !reasons.ContainsKey(t)));
        while (pending.TryPop(out var target))
        {
            if (!needed.Add(target))
                continue;
            foreach (var next in target.ExecutionDependencies.Concat(target.TriggeredTargets).Where(t => !reasons.ContainsKey(t)))
                pending.Push(next);
        }

        foreach (var target in planned.Where(t => !needed.Contains(t) && !reasons.ContainsKey(t)))
        {
            var users = planned.Where(p => p.ExecutionDependencies.Contains(target)).Select(p => p.Name);
            reasons[target] = $"only needed by skipped {string.Join(", ", users)}";
        }

        return reasons;
    }
}
