namespace Engine.Workflows;

/// <summary>One job's block: name, needs, condition, runner, environment, permissions, concurrency, outputs, steps.</summary>
internal static class JobYaml
{
    public static YamlMap Render(WorkflowJob job, WorkflowDeclaration workflow)
    {
        var declaration = job.Declaration;
        var outputs = new YamlMap();
        foreach (var name in job.Outputs)
            outputs.Add(name, $"${{{{ steps.{JobSteps.RunStepId}.outputs.{name} }}}}");

        return new YamlMap
        {
            { "name", job.Name },
            { "needs", new YamlSequence(job.Needs.Select(n => n.Id)).NullIfEmpty() },
            { "if", job.Condition },
            { "runs-on", declaration.RunsOn ?? workflow.RunsOn },
            { "timeout-minutes", declaration.TimeoutMinutes ?? workflow.TimeoutMinutes },
            { "strategy", Matrix(declaration) },
            { "environment", Environment(declaration) },
            { "permissions", job.Permissions.SameAs(workflow.Permissions) ? null : WorkflowYaml.PermissionsYaml(job.Permissions) },
            { "concurrency", WorkflowYaml.ConcurrencyYaml(declaration.Concurrency) },
            { "outputs", outputs.Count > 0 ? outputs : null },
            { "steps", JobSteps.Render(job, workflow) },
        };
    }

    private static YamlNode? Matrix(JobDeclaration declaration) => declaration.Environments.Count == 0
        ? null
        : new YamlMap
        {
            { "fail-fast", false },
            { "matrix", new YamlMap { { "environment", new YamlSequence(declaration.Environments) } } },
        };

    private static YamlNode? Environment(JobDeclaration declaration) => declaration switch
    {
        { Environments.Count: > 0 } => JobDeclaration.MatrixEnvironment,
        { Environment: null } => null,
        { EnvironmentUrl: null } => declaration.Environment,
        _ => new YamlMap { { "name", declaration.Environment }, { "url", declaration.EnvironmentUrl } },
    };
}
