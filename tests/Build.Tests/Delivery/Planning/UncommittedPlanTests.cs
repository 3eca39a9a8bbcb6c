using BuildTests.Cli;
using BuildTests.Release;

namespace BuildTests.Delivery.Planning;

/// <summary>
/// DeployStaging --plan from a working tree with uncommitted changes: the refusal that stops the deploy before anything
/// runs (exit 2) is, in a plan, a reason it would stop (exit 1), beside the others; the tree stays as it was.
/// </summary>
public sealed class UncommittedPlanTests : IDisposable
{
    private readonly CompiledBuild build = new();
    private readonly TestRepository repository;

    public UncommittedPlanTests()
    {
        File.WriteAllText(Path.Combine(build.Root, ".nuke", "parameters.staging.json"), "{}");
        repository = new TestRepository(build.Root);
    }

    [Fact]
    public async Task A_dirty_tree_is_a_reason_the_staging_deploy_would_stop()
    {
        File.AppendAllText(Path.Combine(build.Root, "changes.txt"), "not committed\n");
        var before = repository.State();

        var (code, output) = await build.RunAsync(UnreachableServices.Environment(), "DeployStaging", "--plan");

        Assert.True(code == 1, output);
        var last = output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("plan: would stop: DeployStaging refuses a working tree with an uncommitted change (changes.txt): what staging runs must be reproducible from a commit; commit or stash it, or pass --allow-dirty; staging cannot be read in us-east-1: ", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Build failed", output, StringComparison.Ordinal); // no target ran
        Assert.DoesNotContain("Build succeeded", output, StringComparison.Ordinal);
        Assert.Equal(before, repository.State());
    }

    public void Dispose()
    {
        repository.Dispose();
        build.Dispose();
    }
}
