namespace Engine.Planning;

/// <summary>Finds a cycle in a graph, so it can be named to the user: between targets, or between CI jobs.</summary>
internal static class CycleFinder
{
    /// <summary>
    /// A cycle as a path along <paramref name="edges"/> that ends where it starts (A, B, A), or null when there is
    /// none. Nodes and edges are walked in the order given, so the cycle reported is stable.
    /// </summary>
    public static List<T>? Find<T>(IEnumerable<T> nodes, Func<T, IEnumerable<T>> edges)
        where T : notnull
    {
        var done = new HashSet<T>();
        var path = new List<T>();

        List<T>? Visit(T node)
        {
            if (path.Contains(node))
                return [.. path.Skip(path.IndexOf(node)), node];
            if (!done.Add(node))
                return null;
            path.Add(node);
            foreach (var next in edges(node))
            {
                if (Visit(next) is { } cycle)
                    return cycle;
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return nodes.Select(Visit).FirstOrDefault(c => c is not null);
    }

    /// <summary>A cycle over every kind of target edge (execution, ordering, trigger), in execution order.</summary>
    public static List<ExecutableTarget>? Find(IReadOnlyList<ExecutableTarget> targets)
    {
        // The walk goes from a target to what must run before it; reversed, the cycle reads in execution order.
        var cycle = Find(targets, t => t.Predecessors.OrderBy(p => p.DeclarationIndex));
        cycle?.Reverse();
        return cycle;
    }
}
