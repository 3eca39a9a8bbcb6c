namespace Engine.Workflows;

/// <summary>
/// The job-level <c>if:</c>. AssuredAfterFailure targets run always, as the engine runs them after a failure; a failure
/// path (rollback) runs on <c>failure()</c>, narrowed to the jobs it watches, which it then needs directly.
/// </summary>
internal static class JobConditions
{
    public static void Assign(JobSet set, TargetReferences references, DeclarationErrors errors)
    {
        foreach (var job in set.Jobs)
        {
            var declaration = job.Declaration;
            var watched = declaration.OnFailureOf
                .Select(t => references.Resolve(t, $"OnFailureOf of job {job.Id}", errors))
                .OfType<ExecutableTarget>()
                .Select(t => set.JobOf(t) ?? Missing(t, job, errors))
                .OfType<WorkflowJob>()
                .Distinct()
                .ToList();
            var when = declaration.RunsWhen
                ?? (declaration.OnFailureOf.Count > 0 ? RunCondition.Failure
                : job.Targets.Any(t => t.IsAssuredAfterFailure) ? RunCondition.Always
                : RunCondition.Success);
            if (declaration.OnFailureOf.Count > 0 && when != RunCondition.Failure)
                errors.Add($"Job {job.Id} has OnFailureOf but runs on {when}: OnFailureOf is for failure paths.");
            foreach (var other in watched)
                set.AddNeed(job, other, pinned: true);
            job.Condition = when switch
            {
                RunCondition.Always => "always()",
                RunCondition.Failure when watched.Count > 0 =>
                    $"failure() && ({string.Join(" || ", watched.OrderBy(set.PlanIndex).Select(w => $"needs.{w.Id}.result == 'failure'"))})",
                RunCondition.Failure => "failure()",
                _ => null,
            };
        }
    }

    /// <summary>A failure path without needs would never run.</summary>
    public static void CheckFailurePaths(JobSet set, DeclarationErrors errors)
    {
        foreach (var job in set.Jobs.Where(j => j.Condition is not null && j.Condition != "always()" && j.Needs.Count == 0))
            errors.Add($"Job {job.Id} runs on failure but needs no job, so it could never run: give its target an After or DependsOn.");
    }

    private static WorkflowJob? Missing(ExecutableTarget target, WorkflowJob job, DeclarationErrors errors)
    {
        errors.Add($"Job {job.Id} watches {target.Name} for failure, but the workflow does not run {target.Name} as a job.");
        return null;
    }
}
