using BuildTests.Workflows.Graphs;
using Engine.Workflows;

namespace BuildTests.Workflows;

/// <summary>
/// The test graphs' workflows and job graphs, byte for byte against Workflows/Expected/. After an intended change,
/// run <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Build.Tests</c> and review the expected files' diff.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly string[] DeliveryFileNames = ["ci.yml", "deploy-production.yml", "deploy-staging.yml", "release.yml", "security.yml"];

    public static TheoryData<string> DeliveryFiles => new(DeliveryFileNames);

    [Theory]
    [MemberData(nameof(DeliveryFiles))]
    public void Delivery_workflow_matches_its_expected_file(string file)
    {
        var workflow = WorkflowGenerator.Generate(new DeliveryBuild()).Single(w => w.Plan.Declaration.File == file);

        Snapshot.Match($"DeliveryBuild/{file}", workflow.Yaml);
    }

    [Fact]
    public void Delivery_job_graphs_match_their_expected_file()
    {
        var workflows = WorkflowGenerator.Generate(new DeliveryBuild());

        Snapshot.Match("DeliveryBuild/job-graphs.md", ReadmeRegion.Render(workflows));
    }

    [Fact]
    public void Generating_twice_gives_the_same_bytes()
    {
        var first = WorkflowGenerator.Generate(new DeliveryBuild()).Select(w => w.Yaml + w.Mermaid);
        var second = WorkflowGenerator.Generate(new DeliveryBuild()).Select(w => w.Yaml + w.Mermaid);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_test_graph_workflow_is_listed_here()
    {
        var files = WorkflowGenerator.Generate(new DeliveryBuild()).Select(w => w.Plan.Declaration.File);

        Assert.Equal(DeliveryFileNames, files);
    }
}
