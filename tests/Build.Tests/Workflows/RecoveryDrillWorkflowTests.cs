using YamlDotNet.RepresentationModel;
using static BuildTests.Workflows.GeneratedYaml;

namespace BuildTests.Workflows;

/// <summary>The committed recovery-drill workflow: weekly and by hand, one run per AWS environment with its own role, the report kept per run.</summary>
public sealed class RecoveryDrillWorkflowTests
{
    private static readonly string Drill = File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows/recovery-drill.yml");

    [Fact]
    public void It_runs_weekly_and_by_hand_with_the_backup_and_the_goals_as_inputs()
    {
        var on = (YamlMappingNode)Root(Drill)["on"];
        var inputs = (YamlMappingNode)((YamlMappingNode)on["workflow_dispatch"])["inputs"];

        Assert.Equal("17 4 * * 1", ((YamlMappingNode)((YamlSequenceNode)on["schedule"]).Single())["cron"].ToString());
        Assert.Equal(["backup", "max_recovery_time", "max_backup_age"], inputs.Children.Keys.Select(k => k.ToString()));
        Assert.All(inputs.Children.Values, input => Assert.Equal("false", ((YamlMappingNode)input)["required"].ToString()));
    }

    [Fact]
    public void Each_environment_gets_a_run_of_its_own_named_for_it_with_its_profile_role_and_artifact()
    {
        var job = (YamlMappingNode)Jobs(Drill)["recovery-drill"];
        var strategy = (YamlMappingNode)job["strategy"];
        var run = Step(Jobs(Drill), "recovery-drill", "build");
        var upload = (YamlMappingNode)((YamlSequenceNode)job["steps"]).Children.OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("actions/upload-artifact", StringComparison.Ordinal))["with"];

        Assert.Equal("false", strategy["fail-fast"].ToString());
        Assert.Equal(["staging", "production"], ((YamlSequenceNode)((YamlMappingNode)strategy["matrix"])["environment"]).Select(e => e.ToString()));
        Assert.Equal("${{ matrix.environment }}", job["environment"].ToString());
        Assert.Equal("./build.sh RecoveryDrill --skip --profile ${{ matrix.environment }}", run["run"].ToString());
        Assert.Equal("${{ vars.AWS_DEPLOY_ROLE_ARN }}", ((YamlMappingNode)run["env"])["AWS_ROLE_ARN"].ToString());
        Assert.Equal("write", ((YamlMappingNode)job["permissions"])["id-token"].ToString());
        Assert.Equal("recovery-drill-${{ matrix.environment }}", upload["name"].ToString());
        Assert.Equal("artifacts/recovery-drill.json", upload["path"].ToString());
        Assert.Equal("false", ((YamlMappingNode)Root(Drill)["concurrency"])["cancel-in-progress"].ToString());
    }
}
