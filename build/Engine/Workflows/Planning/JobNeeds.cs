using Engine.Planning;

namespace Engine.Workflows;

/// <summary>
/// Gives each job its <c>needs:</c>: the jobs of its targets' predecessors plus the extra orderings, minus every need
/// that another need already implies (so the graph on GitHub reads like the target graph), keeping the pinned ones.
/// </summary>
internal static class JobNeeds
{
    public static void Assign(JobSet set, DeclarationErrors errors)
    {
        var direct = set.Jobs.ToDictionary(j => j, set.DirectNeeds);
        if (CycleFinder.Find(set.Jobs, job => direct[job]) is { } cycle)
        {
            errors.Add($"Jobs form a cycle: {string.Join(" needs ", cycle)}. Targets that share a job must not depend on a job that depends on them.");
            return;
        }

        var reachable = new Dictionary<WorkflowJob, HashSet<WorkflowJob>>();
        HashSet<WorkflowJob> Reachable(WorkflowJob job)
        {
            if (reachable.TryGetValue(job, out var known))
                return known;
            var all = direct[job].SelectMany(n => Reachable(n).Append(n)).ToHashSet();
            reachable[job] = all;
            return all;
        }

        foreach (var job in set.Jobs)
        {
            var pinned = set.PinnedNeeds.GetValueOrDefault(job) ?? [];
            job.Needs = direct[job]
                .Where(n => pinned.Contains(n) || !direct[job].Any(other => other != n && Reachable(other).Contains(n)))
                .OrderBy(set.PlanIndex)
                .ToList();
        }
    }

    /// <summary>Jobs in plan order, each moved after the jobs it needs: the order of the <c>jobs:</c> block.</summary>
    public static List<WorkflowJob> Ordered(JobSet set)
    {
        var pending = set.Jobs.OrderBy(set.PlanIndex).ToList();
        var ordered = new List<WorkflowJob>();
        while (pending.Count > 0)
        {
            var next = pending.First(j => j.Needs.All(ordered.Contains));
            ordered.Add(next);
            pending.Remove(next);
        }

        return ordered;
    }
}
