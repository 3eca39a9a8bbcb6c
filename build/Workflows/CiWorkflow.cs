using Engine.Workflows;

internal sealed partial class Build
{
    /// <summary>
    /// Pull requests and pushes to main: Lint, Test and the staleness check of the generated files, each its own job
    /// with no needs between them, so they run side by side.
    /// </summary>
    private WorkflowDeclaration CiWorkflow => new("ci.yml", "CI")
    {
        On = new()
        {
            Push = new() { Branches = ["main"] },
            PullRequest = new() { Branches = ["main"] },
        },
        Invokes = [From<ILint>().Lint, From<ITest>().Test, CheckWorkflows],
        Concurrency = Concurrency.PerRef,
        Jobs =
        [
            // The integration tests need PostgreSQL: the script installs and starts it, then runs the build.
            new(From<ITest>().Test) { RunWith = "build/services/with-services.sh", UploadsOnFailure = true },
        ],
    };
}
