using Engine.Workflows;
using Pipeline.Images;
using Pipeline.Linting;
using Pipeline.Scanning;
using Pipeline.Testing;

internal sealed partial class Build
{
    /// <summary>
    /// Pull requests and pushes to main: Lint, Test, the staleness check of the generated files, and the image built
    /// and scanned, each its own job with no needs between them, so they run side by side.
    /// </summary>
    private WorkflowDeclaration CiWorkflow => new("ci.yml", "CI")
    {
        On = new()
        {
            Push = new() { Branches = ["main"] },
            PullRequest = new() { Branches = ["main"] },
        },
        Invokes = [From<ILint>().Lint, From<ITest>().Test, CheckWorkflows, From<IBuildImage>().BuildImage, From<IScan>().Scan],
        Concurrency = Concurrency.PerRef,
        Jobs =
        [
            // The integration tests need PostgreSQL, Docker, a registry, moto and Trivy: the script provides them.
            new(From<ITest>().Test) { RunWith = "build/services/with-services.sh", UploadsOnFailure = true },
            // One job, one machine: Scan reads the image BuildImage left in the engine. The script installs the pinned
            // Trivy (npm) and uses the runner's own Docker engine; the SARIF goes to code scanning even when Scan fails.
            new(From<IBuildImage>().BuildImage, From<IScan>().Scan)
            {
                Id = "image",
                RunWith = "SERVICES_ONLY='docker trivy' build/services/with-services.sh",
                Sarif = "artifacts/scan/scan.sarif",
                UploadsOnFailure = true,
            },
        ],
    };
}
