using YamlDotNet.RepresentationModel;
using static BuildTests.Workflows.GeneratedYaml;

namespace BuildTests.Workflows;

/// <summary>The committed deploy workflows: triggers, the environments that gate them, OIDC where AWS is called, one deploy at a time.</summary>
public sealed class DeployWorkflowTests
{
    private static readonly string Staging = File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows/deploy-staging.yml");
    private static readonly string Production = File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows/deploy-production.yml");

    [Fact]
    public void Staging_deploys_each_push_to_main_with_the_image_built_scanned_and_pushed_on_one_machine()
    {
        var root = Root(Staging);
        var jobs = Jobs(Staging);

        Assert.Equal("main", ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["on"])["push"])["branches"]).Single().ToString());
        Assert.Equal(["plan", "image", "migrate-db", "deploy-blue-green", "smoke-test", "rollback"], jobs.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("SERVICES_ONLY='docker trivy' build/services/with-services.sh ./build.sh BuildImage Scan PushEcr --skip --profile staging", Step(jobs, "image", "build")["run"].ToString());
        Assert.All(jobs.Children.Where(j => j.Key.ToString() != "plan").Select(j => j.Value), job => Assert.Equal("staging", ((YamlMappingNode)job)["environment"].ToString()));
    }

    [Fact]
    public void Staging_migrates_and_deploys_the_digest_the_image_job_pushed()
    {
        var jobs = Jobs(Staging);

        foreach (var job in new[] { "migrate-db", "deploy-blue-green" })
            Assert.Equal("${{ needs.image.outputs.image-digest }}", ((YamlMappingNode)Step(jobs, job, "build")["env"])["IMAGE_DIGEST"].ToString());
    }

    [Fact]
    public void Production_is_dispatched_by_hand_with_an_optional_digest_and_never_builds()
    {
        var on = (YamlMappingNode)Root(Production)["on"];
        var input = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)on["workflow_dispatch"])["inputs"])["image_digest"];
        var jobs = Jobs(Production);

        Assert.Equal(["workflow_dispatch"], on.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("false", input["required"].ToString());
        Assert.Equal("./build.sh MigrateDb DeployBlueGreen SmokeTest --skip --profile production", Step(jobs, "deploy", "build")["run"].ToString());
        Assert.Equal("${{ inputs.image_digest }}", ((YamlMappingNode)Step(jobs, "deploy", "build")["env"])["IMAGE_DIGEST"].ToString());
        Assert.DoesNotContain("BuildImage", Production, StringComparison.Ordinal);
        Assert.DoesNotContain("PushEcr", Production, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_jobs_name_the_production_environment_so_its_reviewers_gate_them()
    {
        var jobs = Jobs(Production);

        Assert.Equal(["plan", "deploy", "rollback"], jobs.Children.Keys.Select(k => k.ToString()));
        Assert.All(jobs.Children.Where(j => j.Key.ToString() != "plan").Select(j => j.Value), job => Assert.Equal("production", ((YamlMappingNode)job)["environment"].ToString()));
        Assert.Equal("failure() && (needs.deploy.result == 'failure')", ((YamlMappingNode)jobs["rollback"])["if"].ToString());
    }

    [Theory]
    [InlineData("deploy-staging.yml", "deploy-staging")]
    [InlineData("deploy-production.yml", "deploy-production")]
    public void One_deploy_at_a_time_per_environment_never_cancelled_half_way(string file, string group)
    {
        var concurrency = (YamlMappingNode)Root(File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows" / file))["concurrency"];

        Assert.Equal(group, concurrency["group"].ToString());
        Assert.Equal("false", concurrency["cancel-in-progress"].ToString());
    }

    [Theory]
    [InlineData("deploy-staging.yml")]
    [InlineData("deploy-production.yml")]
    public void Aws_is_reached_by_the_builds_own_oidc_exchange_with_id_token_write_only_on_the_jobs_that_call_it(string file)
    {
        var yaml = File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows" / file);
        var workflowPermissions = (YamlMappingNode)Root(yaml)["permissions"];

        Assert.Equal(["contents"], workflowPermissions.Children.Keys.Select(k => k.ToString()));
        Assert.DoesNotContain("aws-actions/", yaml, StringComparison.Ordinal);
        foreach (var (id, job) in Jobs(yaml).Children.Select(j => (j.Key.ToString(), (YamlMappingNode)j.Value)))
        {
            var environment = (YamlMappingNode)Step(Jobs(yaml), id, "build")["env"];
            var permissions = (YamlMappingNode)job["permissions"];

            Assert.Equal(id == "plan" ? "${{ vars.AWS_PLAN_ROLE_ARN }}" : "${{ vars.AWS_DEPLOY_ROLE_ARN }}", environment["AWS_ROLE_ARN"].ToString());
            Assert.Equal("${{ vars.AWS_REGION }}", environment["AWS_REGION"].ToString());
            Assert.Equal("write", permissions["id-token"].ToString());
            // Beyond the token: code scanning for the job that scans the image, reading otherwise.
            var writes = permissions.Children.Where(p => p.Value.ToString() == "write").Select(p => p.Key.ToString());
            Assert.Equal(id == "image" ? ["id-token", "security-events"] : ["id-token"], writes.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("deploy-staging.yml", "staging", "image")]
    [InlineData("deploy-production.yml", "production", "deploy")]
    public void The_plan_runs_before_the_environments_approval_gate_in_an_environment_of_its_own(string file, string environment, string gated)
    {
        var jobs = Jobs(File.ReadAllText(TestPaths.RepositoryRoot / ".github/workflows" / file));
        var plan = (YamlMappingNode)jobs["plan"];

        Assert.Equal($"{environment}-plan", plan["environment"].ToString());
        Assert.False(plan.Children.ContainsKey("needs"));
        Assert.Equal($"./build.sh DeployPlan --skip --profile {environment}", Step(jobs, "plan", "build")["run"].ToString());
        Assert.Equal("plan", ((YamlSequenceNode)((YamlMappingNode)jobs[gated])["needs"]).Single().ToString());
    }

    [Fact]
    public void The_database_url_is_not_passed_to_aws_environments()
    {
        Assert.DoesNotContain("DATABASE_URL", Staging + Production, StringComparison.Ordinal);
    }
}
