namespace Engine.Planning;

/// <summary>Finds a cycle over every kind of edge (execution, ordering, trigger), so it can be named to the user.</summary>
internal static class CycleFinder
{
    /// <summary>A cycle as a path that ends where it starts (A, B, A), or null when the graph is acyclic.</summary>
    public static IReadOnlyList<ExecutableTarget>? Find(IReadOnlyList<ExecutableTarget> targets)
    {
        var state = new Dictionary<ExecutableTarget, bool>(); // false: on the current path, true: done
        var path = new List<ExecutableTarget>();

        List<ExecutableTarget>? Visit(ExecutableTarget target)
        {
            if (state.TryGetValue(target, out var done))
                return done ? null : [.. path.Skip(path.IndexOf(target)), target];
            state[target] = false;
            path.Add(target);
            foreach (var predecessor in target.Predecessors.OrderBy(p => p.DeclarationIndex))
            {
                if (Visit(predecessor) is { } cycle)
                    return cycle;
            }

            path.RemoveAt(path.Count - 1);
            state[target] = true;
            return null;
        }

        foreach (var target in targets)
        {
            if (Visit(target) is { } cycle)
            {
                // The walk goes from a target to what must run before it; show the cycle in execution order.
                cycle.Reverse();
                return cycle;
            }
        }

        return null;
    }
}
