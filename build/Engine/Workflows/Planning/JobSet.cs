using Engine.Planning;

namespace Engine.Workflows;

/// <summary>
/// The jobs of one workflow: every planned target that has actions belongs to exactly one job, its own unless a
/// <see cref="JobDeclaration"/> puts it on a shared machine with others. Collective and skipped targets get no job;
/// needs look through them to the jobs behind.
/// </summary>
internal sealed class JobSet
{
    private readonly Dictionary<ExecutableTarget, WorkflowJob> jobOf = [];
    private readonly Dictionary<ExecutableTarget, IReadOnlyList<WorkflowJob>> jobsBefore = [];
    private readonly Dictionary<WorkflowJob, HashSet<WorkflowJob>> extraNeeds = [];

    private JobSet(ExecutionPlan plan) => Plan = plan;

    public ExecutionPlan Plan { get; }

    public List<WorkflowJob> Jobs { get; } = [];

    /// <summary>Needs that must stay direct because the job reads <c>needs.X</c> (outputs, results).</summary>
    public Dictionary<WorkflowJob, HashSet<WorkflowJob>> PinnedNeeds { get; } = [];

    public static JobSet Create(ExecutionPlan plan, WorkflowDeclaration declaration, TargetReferences references, DeclarationErrors errors)
    {
        var set = new JobSet(plan);
        var claimed = new Dictionary<ExecutableTarget, JobDeclaration>();
        foreach (var job in declaration.Jobs)
        {
            var members = job.Targets.Select(t => references.Resolve(t, "A JobDeclaration", errors)).OfType<ExecutableTarget>().ToList();
            if (job.Targets.Count == 0)
                errors.Add("A JobDeclaration names no target.");
            if (job.Environments.Count > 0 && (job.Environment is not null || job.Profile is not null))
                errors.Add($"The JobDeclaration for {string.Join(", ", members.Select(m => m.Name))}: Environments excludes Environment and Profile (each run names its own).");
            foreach (var member in members)
            {
                if (!plan.Contains(member) || plan.SkipReasons.ContainsKey(member))
                    errors.Add($"The JobDeclaration for {member.Name}: the workflow does not run it (not invoked, nor a dependency or trigger of an invoked target, or skipped).");
                else if (member.IsCollective)
                    errors.Add($"The JobDeclaration for {member.Name}: a target without actions gets no job; declare the settings on the targets it groups.");
                else if (!claimed.TryAdd(member, job))
                    errors.Add($"{member.Name} is in two JobDeclarations.");
            }
        }

        foreach (var target in plan.Targets.Where(t => !t.IsCollective && !plan.SkipReasons.ContainsKey(t) && !set.jobOf.ContainsKey(t)))
        {
            var declared = claimed.GetValueOrDefault(target);
            var members = declared is null ? [target] : plan.Targets.Where(t => claimed.GetValueOrDefault(t) == declared).ToList();
            var job = new WorkflowJob(declared?.Id ?? JobId.Kebab(members[^1].Name), members, declared);
            set.Jobs.Add(job);
            foreach (var member in members)
                set.jobOf[member] = job;
        }

        foreach (var duplicate in set.Jobs.GroupBy(j => j.Id).Where(g => g.Count() > 1))
            errors.Add($"Two jobs have the id '{duplicate.Key}': give one JobDeclaration an Id.");
        foreach (var job in set.Jobs.Where(j => !JobId.IsValid(j.Id)))
            errors.Add($"'{job.Id}' is not a valid job id: letters, digits, '-' and '_', starting with a letter or '_'.");
        return set;
    }

    public WorkflowJob? JobOf(ExecutableTarget target) => jobOf.GetValueOrDefault(target);

    /// <summary>The jobs of a target's planned predecessors, looking through collective and skipped targets.</summary>
    public IReadOnlyList<WorkflowJob> JobsBefore(ExecutableTarget target)
    {
        if (jobsBefore.TryGetValue(target, out var known))
            return known;
        var jobs = Plan.PlannedPredecessors(target)
            .SelectMany(p => jobOf.TryGetValue(p, out var job) ? [job] : JobsBefore(p))
            .Distinct()
            .ToList();
        jobsBefore[target] = jobs;
        return jobs;
    }

    /// <summary>An ordering the target graph does not show: a download, an output, a failure condition.</summary>
    public void AddNeed(WorkflowJob job, WorkflowJob needed, bool pinned)
    {
        Add(extraNeeds, job, needed);
        if (pinned)
            Add(PinnedNeeds, job, needed);
    }

    /// <summary>Every job that must finish before <paramref name="job"/>, before reduction.</summary>
    public HashSet<WorkflowJob> DirectNeeds(WorkflowJob job)
    {
        var needs = job.Targets.SelectMany(JobsBefore).Concat(extraNeeds.GetValueOrDefault(job) ?? []).ToHashSet();
        needs.Remove(job);
        return needs;
    }

    public int PlanIndex(WorkflowJob job) => Plan.Targets.ToList().IndexOf(job.Targets[0]);

    private static void Add(Dictionary<WorkflowJob, HashSet<WorkflowJob>> map, WorkflowJob job, WorkflowJob needed)
    {
        if (!map.TryGetValue(job, out var set))
            map[job] = set = [];
        set.Add(needed);
    }
}
