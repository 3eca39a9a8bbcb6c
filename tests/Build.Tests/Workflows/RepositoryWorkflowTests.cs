using Engine.Workflows;
using YamlDotNet.RepresentationModel;
using static BuildTests.Workflows.GeneratedYaml;

namespace BuildTests.Workflows;

/// <summary>This repository's own workflows: committed exactly as the real Build generates them.</summary>
public sealed class RepositoryWorkflowTests
{
    private static readonly IReadOnlyList<GeneratedWorkflow> Generated = WorkflowGenerator.Generate(new Build());

    [Fact]
    public void The_committed_ci_yml_is_what_the_build_generates()
    {
        var ci = Generated.Single(w => w.Plan.Declaration.File == "ci.yml");

        Assert.Equal(ci.Yaml, File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows/ci.yml"));
    }

    [Fact]
    public void No_generated_file_of_the_repository_is_stale()
    {
        var stale = WorkflowCheck.Compare(TestPaths.RepositoryRoot, WorkflowFiles.Expected(TestPaths.RepositoryRoot, Generated));

        Assert.True(stale.Count == 0, "Run ./build.sh GenerateWorkflows:\n" + string.Join("\n", stale.Select(f => f.Diff)));
    }

    [Fact]
    public void Ci_runs_Lint_Test_the_staleness_check_and_the_image_side_by_side()
    {
        var jobs = Jobs(File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows/ci.yml"));

        Assert.Equal(["lint", "test", "check-workflows", "image"], jobs.Children.Keys.Select(k => k.ToString()));
        Assert.All(jobs.Children.Values, job => Assert.DoesNotContain(new YamlScalarNode("needs"), ((YamlMappingNode)job).Children.Keys));
        Assert.Equal("./build.sh CheckWorkflows --skip", Step(jobs, "check-workflows", "build")["run"].ToString());
    }

    [Fact]
    public void Ci_tests_with_PostgreSQL_and_keeps_the_reports_of_a_failed_run()
    {
        var jobs = Jobs(File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows/ci.yml"));
        var steps = (YamlSequenceNode)((YamlMappingNode)jobs["test"])["steps"];
        var upload = steps.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && uses.ToString() == "actions/upload-artifact@v4");

        Assert.Equal("build/services/with-services.sh ./build.sh Test --skip", Step(jobs, "test", "build")["run"].ToString());
        Assert.Equal("always()", upload["if"].ToString());
        Assert.Equal("artifacts/test-results/**", ((YamlMappingNode)upload["with"])["path"].ToString());
    }

    [Fact]
    public void Ci_builds_and_scans_the_image_in_one_job_and_uploads_the_sarif_even_when_the_scan_fails()
    {
        var jobs = Jobs(File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows/ci.yml"));
        var image = (YamlMappingNode)jobs["image"];
        var steps = ((YamlSequenceNode)image["steps"]).Cast<YamlMappingNode>().ToList();
        var sarif = steps.Single(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && uses.ToString() == "github/codeql-action/upload-sarif@v3");

        Assert.Equal("SERVICES_ONLY='docker trivy' build/services/with-services.sh ./build.sh BuildImage Scan --skip", Step(jobs, "image", "build")["run"].ToString());
        Assert.Equal("always()", sarif["if"].ToString());
        Assert.Equal("artifacts/scan/scan.sarif", ((YamlMappingNode)sarif["with"])["sarif_file"].ToString());
        Assert.Equal("write", ((YamlMappingNode)image["permissions"])["security-events"].ToString());
    }

    [Fact]
    public void Ci_reads_contents_only_and_cancels_superseded_runs()
    {
        var root = Root(File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows/ci.yml"));

        Assert.Equal("read", ((YamlMappingNode)root["permissions"])["contents"].ToString());
        Assert.Single(((YamlMappingNode)root["permissions"]).Children);
        Assert.Equal("true", ((YamlMappingNode)root["concurrency"])["cancel-in-progress"].ToString());
    }
}
