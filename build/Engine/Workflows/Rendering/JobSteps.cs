namespace Engine.Workflows;

/// <summary>
/// A job's steps: the machine set up (<see cref="SetupSteps"/>), the artifacts it consumes downloaded, then the one
/// step that runs <c>./build.sh Targets --skip</c> (with its AWS role and region, if any, in its environment), then its
/// artifacts and SARIF uploaded.
/// </summary>
internal static class JobSteps
{
    /// <summary>The run step's id, for <c>steps.build.outputs.NAME</c>.</summary>
    public const string RunStepId = "build";

    public static YamlSequence Render(WorkflowJob job, WorkflowDeclaration workflow)
    {
        var declaration = job.Declaration;
        var steps = new YamlSequence();
        foreach (var step in SetupSteps.Render(declaration.FetchDepth ?? workflow.FetchDepth))
            steps.Add(step);
        foreach (var artifact in job.Downloads)
        {
            steps.Add(new YamlMap
            {
                { "name", $"Download {artifact.Producer.Name}'s files" },
                { "uses", "actions/download-artifact@v4" },
                { "with", new YamlMap { { "name", artifact.Name }, { "path", artifact.Root } } },
            });
        }

        steps.Add(RunStep(job));
        foreach (var artifact in job.Uploads)
            steps.Add(Upload(artifact, declaration, workflow.ArtifactRetentionDays));
        if (declaration.Sarif is { } sarif)
        {
            steps.Add(new YamlMap
            {
                { "name", "Upload SARIF to code scanning" },
                { "if", "always()" },
                { "uses", "github/codeql-action/upload-sarif@v3" },
                { "with", new YamlMap { { "sarif_file", sarif } } },
            });
        }

        return steps;
    }

    private static YamlMap RunStep(WorkflowJob job)
    {
        var names = string.Join(" ", job.Targets.Select(t => t.Name));
        var profile = job.Declaration switch
        {
            { Environments.Count: > 0 } => $" --profile {JobDeclaration.MatrixEnvironment}",
            { Profile: { } name } => $" --profile {name}",
            _ => "",
        };
        var wrapper = job.Declaration.RunWith is { } command ? command + " " : "";
        var environment = new YamlMap();
        foreach (var (variable, expression) in job.Environment)
            environment.Add(variable, expression);
        return new YamlMap
        {
            { "name", $"./build.sh {names}" },
            { "id", RunStepId },
            { "run", $"{wrapper}./build.sh {names} --skip{profile}" },
            { "env", environment.Count > 0 ? environment : null },
        };
    }

    private static YamlMap Upload(JobArtifact artifact, JobDeclaration declaration, int retentionDays) => Upload(
        artifact,
        // Each run of a matrix uploads its own: artifact names are unique within a workflow run.
        declaration.Environments.Count > 0 ? $"{artifact.Name}-{JobDeclaration.MatrixEnvironment}" : artifact.Name,
        declaration.UploadsOnFailure,
        retentionDays);

    private static YamlMap Upload(JobArtifact artifact, string name, bool evenOnFailure, int retentionDays) => new()
    {
        { "name", $"Upload {artifact.Producer.Name}'s files" },
        { "if", evenOnFailure ? "always()" : null },
        { "uses", "actions/upload-artifact@v4" },
        {
            "with", new YamlMap
            {
                { "name", name },
                { "path", string.Join("\n", artifact.Globs) },
                // A job that failed early may have written nothing; a successful one must have.
                { "if-no-files-found", evenOnFailure ? "warn" : "error" },
                { "retention-days", retentionDays },
            }
        },
    };
}
