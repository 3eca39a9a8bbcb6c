using Engine.Planning;
using Engine.Targets;

namespace Engine.Workflows;

/// <summary>
/// Turns a declaration into jobs: plans the invoked targets with the engine's planner (and the declared skips), gives
/// each planned target with actions a job, then the jobs' parameters, artifacts, conditions, needs and permissions.
/// All problems are reported together as a <see cref="WorkflowDeclarationException"/>.
/// </summary>
internal static class WorkflowPlanner
{
    public static WorkflowPlan Plan(TargetGraph graph, IReadOnlyList<BuildParameter> parameters, WorkflowDeclaration declaration, string source)
    {
        var errors = new DeclarationErrors(declaration.File);
        var references = new TargetReferences(graph);
        var invoked = declaration.Invokes.Select(t => references.Resolve(t, "Invokes", errors)).OfType<ExecutableTarget>().ToList();
        var skipped = declaration.Skips.Select(t => references.Resolve(t, "Skips", errors)).OfType<ExecutableTarget>().ToList();
        if (declaration.Invokes.Count == 0)
            errors.Add("Invokes names no target.");
        CheckTriggers(declaration.On, errors);
        errors.ThrowIfAny();

        ExecutionPlan plan;
        try
        {
            plan = Planner.Plan(graph, invoked.Select(t => t.Name).ToList(), skipped.Count > 0 ? skipped.Select(t => t.Name).ToList() : null);
        }
        catch (UsageException e)
        {
            throw new WorkflowDeclarationException($"{declaration.File}: {e.Message}", e);
        }

        var set = JobSet.Create(plan, declaration, references, errors);
        var inputs = JobParameters.Assign(set, declaration, parameters, references, errors);
        JobCredentialsEnvironment.Assign(set, errors);
        JobArtifacts.Assign(set, errors);
        JobConditions.Assign(set, references, errors);
        errors.ThrowIfAny();
        JobNeeds.Assign(set, errors);
        errors.ThrowIfAny();
        JobConditions.CheckFailurePaths(set, errors);
        JobPermissions.Assign(set, declaration);
        errors.ThrowIfAny();
        return new WorkflowPlan(declaration, source, JobNeeds.Ordered(set), inputs);
    }

    private static void CheckTriggers(WorkflowTriggers on, DeclarationErrors errors)
    {
        if (on.Push is null && on.PullRequest is null && on.Schedules.Count == 0 && on.Dispatch is null)
            errors.Add("No trigger: set On.Push, On.PullRequest, On.Schedules or On.Dispatch.");
    }
}
