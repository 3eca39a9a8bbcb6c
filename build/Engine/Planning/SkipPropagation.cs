namespace Engine.Planning;

/// <summary>
/// Which planned targets are still needed once some are skipped: those reached from the roots (invoked targets,
/// targets that ran) through dependencies and triggers, passing through a skipped target only when it says
/// WhenSkipped(DependencyBehavior.Execute). The others are skipped too, named after a skipped target that needed them.
/// </summary>
internal static class SkipPropagation
{
    public static Dictionary<ExecutableTarget, string> NotNeeded(
        IReadOnlyCollection<ExecutableTarget> planned, IEnumerable<ExecutableTarget> roots, Func<ExecutableTarget, bool> isSkipped)
    {
        var needed = new HashSet<ExecutableTarget>();
        var visited = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(roots.Concat(planned.Where(t => isSkipped(t) && t.Definition.SkippedDependencies == DependencyBehavior.Execute)));
        while (pending.TryPop(out var target))
        {
            if (!planned.Contains(target) || !visited.Add(target))
                continue;
            var skipped = isSkipped(target);
            if (!skipped)
                needed.Add(target);
            if (skipped && target.Definition.SkippedDependencies == DependencyBehavior.Skip)
                continue;
            foreach (var next in target.ExecutionDependencies.Concat(target.TriggeredTargets))
                pending.Push(next);
        }

        var reasons = new Dictionary<ExecutableTarget, string>();
        foreach (var target in planned.Where(t => !needed.Contains(t) && !isSkipped(t)))
        {
            var users = planned.Where(p => !needed.Contains(p) && (p.ExecutionDependencies.Contains(target) || p.TriggeredTargets.Contains(target))).Select(p => p.Name).ToList();
            reasons[target] = users.Count > 0 ? $"only needed by skipped {string.Join(", ", users)}" : "only needed by skipped targets";
        }

        return reasons;
    }
}
