using BuildTests.Cli;
using BuildTests.Release;

namespace BuildTests.Delivery.Ecs;

/// <summary>
/// ./build.sh DeployStaging and DeployProduction from a working tree with uncommitted changes, as a user runs them: refused
/// in one line, exit 2, before any target runs (no Docker engine nor AWS endpoint is reachable here, so anything that ran
/// would fail otherwise); --allow-dirty lets the run go on to its targets.
/// </summary>
public sealed class UncommittedReleaseTests : IDisposable
{
    private readonly CompiledBuild build = new();
    private readonly TestRepository repository;

    public UncommittedReleaseTests()
    {
        foreach (var profile in new[] { "staging", "production" })
            File.WriteAllText(Path.Combine(build.Root, ".nuke", $"parameters.{profile}.json"), "{}");
        repository = new TestRepository(build.Root);
    }

    [Theory]
    [InlineData("DeployStaging", "staging")]
    [InlineData("DeployProduction", "production")]
    public async Task A_tree_with_uncommitted_changes_is_refused_for_staging_and_production_in_one_line_before_anything_runs(string target, string environment)
    {
        File.AppendAllText(Path.Combine(build.Root, "changes.txt"), "not committed\n");
        var before = repository.State();

        var (code, output) = await build.RunAsync(UnreachableServices.Environment(), target);

        Assert.True(code == 2, output);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            $"error: {target} refuses a working tree with an uncommitted change (changes.txt): what {environment} runs must be reproducible from a commit; commit or stash it, or pass --allow-dirty",
            line);
        Assert.Equal(before, repository.State());
    }

    [Fact]
    public async Task An_untracked_file_counts_and_the_refusal_names_how_many_changes_there_are()
    {
        File.AppendAllText(Path.Combine(build.Root, "changes.txt"), "not committed\n");
        File.WriteAllText(Path.Combine(build.Root, "new.txt"), "not added\n");

        var (code, output) = await build.RunAsync(UnreachableServices.Environment(), "DeployStaging");

        Assert.True(code == 2, output);
        Assert.Equal("error: DeployStaging refuses a working tree with 2 uncommitted changes (changes.txt, new.txt): what staging runs must be reproducible from a commit; commit or stash them, or pass --allow-dirty", Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Allow_dirty_lets_the_targets_run()
    {
        File.AppendAllText(Path.Combine(build.Root, "changes.txt"), "not committed\n");

        var (code, output) = await build.RunAsync(UnreachableServices.Environment(), "DeployStaging", "--allow-dirty");

        Assert.True(code == 1, output); // BuildImage ran, and failed without an engine
        Assert.DoesNotContain("uncommitted changes", output, StringComparison.Ordinal);
        Assert.Matches(@"BuildImage\s+Failed", output);
    }

    public void Dispose()
    {
        repository.Dispose();
        build.Dispose();
    }
}
