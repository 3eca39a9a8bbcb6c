using BuildTests.Workflows.Graphs;
using Engine.Workflows;

namespace BuildTests.Workflows;

/// <summary>How targets become jobs: needs from the graph, shared machines, outputs, artifacts, failure paths.</summary>
public sealed class JobGraphTests
{
    private static readonly IReadOnlyList<GeneratedWorkflow> Delivery = WorkflowGenerator.Generate(new DeliveryBuild());

    private static WorkflowPlan Plan(string file) => Delivery.Single(w => w.Plan.Declaration.File == file).Plan;

    private static string[] Needs(WorkflowPlan plan, string job) => plan.Job(job).Needs.Select(n => n.Id).ToArray();

    [Fact]
    public void Changing_a_DependsOn_changes_the_needs()
    {
        var independent = WorkflowGenerator.Generate(new IndependentBuild()).Single();
        var dependent = WorkflowGenerator.Generate(new DependentBuild()).Single();

        Assert.Empty(Needs(independent.Plan, "test"));
        Assert.Equal(["lint", "test"], Needs(independent.Plan, "report"));
        Assert.Equal(["lint"], Needs(dependent.Plan, "test"));
        // Report still depends on Lint, but through Test: the redundant need is left out.
        Assert.Equal(["test"], Needs(dependent.Plan, "report"));
        Assert.Contains("  test:\n    name: Test\n    needs:\n      - lint\n", dependent.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("  test:\n    name: Test\n    needs:", independent.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Independent_targets_get_jobs_without_needs_between_them()
    {
        var plan = Plan("ci.yml");

        Assert.Equal(["lint", "test"], plan.Jobs.Select(j => j.Id));
        Assert.All(plan.Jobs, job => Assert.Empty(job.Needs));
    }

    [Fact]
    public void Targets_declared_together_share_one_job_and_one_build_call()
    {
        var image = Plan("deploy-staging.yml").Job("image");

        Assert.Equal(["BuildImage", "PushEcr"], image.Targets.Select(t => t.Name));
        Assert.Contains("run: ./build.sh BuildImage PushEcr --skip\n", Delivery.Single(w => w.Plan.Declaration.File == "deploy-staging.yml").Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Collective_and_skipped_targets_get_no_job_and_needs_look_through_them()
    {
        var staging = Plan("deploy-staging.yml");
        var production = Plan("deploy-production.yml");

        Assert.Equal(["image", "migrate-db", "deploy-blue-green", "smoke-test", "rollback"], staging.Jobs.Select(j => j.Id));
        Assert.Equal(["migrate-db", "deploy-blue-green", "smoke-test", "rollback"], production.Jobs.Select(j => j.Id));
        Assert.Empty(Needs(production, "migrate-db"));
        Assert.Equal(["deploy-blue-green"], Needs(staging, "smoke-test"));
    }

    [Fact]
    public void An_output_is_published_by_its_producer_and_read_through_a_direct_need()
    {
        var staging = Plan("deploy-staging.yml");
        var deploy = staging.Job("deploy-blue-green");

        Assert.Equal(["image-digest"], staging.Job("image").Outputs);
        Assert.Contains(new KeyValuePair<string, string>("IMAGE_DIGEST", "${{ needs.image.outputs.image-digest }}"), deploy.Environment);
        // image is implied through migrate-db, but needs.image.outputs is only readable by a job that needs it directly.
        Assert.Equal(["image", "migrate-db"], Needs(staging, "deploy-blue-green"));
    }

    [Fact]
    public void Produced_files_are_uploaded_and_downloaded_to_where_they_were_written()
    {
        var staging = Plan("deploy-staging.yml");

        var upload = Assert.Single(staging.Job("image").Uploads, u => u.Name == "push-ecr");
        var download = Assert.Single(staging.Job("deploy-blue-green").Downloads);
        Assert.Equal(("push-ecr", "artifacts/image"), (download.Name, download.Root));
        Assert.Equal(["artifacts/image/digest.json"], upload.Globs);
        Assert.Equal("artifacts/test-results", Plan("ci.yml").Job("test").Uploads.Single().Root);
        Assert.Equal("artifacts/packages", Plan("release.yml").Job("publish-release").Downloads.Single().Root);
    }

    [Fact]
    public void A_consumer_needs_its_producer_even_without_a_dependency()
    {
        var security = Plan("security.yml");

        Assert.Equal(["build-image"], Needs(security, "scan"));
        Assert.Equal("build-image", security.Job("scan").Downloads.Single().Name);
    }

    [Fact]
    public void Rollback_runs_only_when_a_deploy_job_failed()
    {
        var rollback = Plan("deploy-staging.yml").Job("rollback");

        Assert.Equal("failure() && (needs.deploy-blue-green.result == 'failure' || needs.smoke-test.result == 'failure')", rollback.Condition);
        Assert.Equal(["deploy-blue-green", "smoke-test"], rollback.Needs.Select(n => n.Id));
        Assert.Equal("deploy-blue-green", rollback.Downloads.Single().Name);
        Assert.True(Plan("deploy-staging.yml").Job("deploy-blue-green").Declaration.UploadsOnFailure);
    }

    [Fact]
    public void Deploy_jobs_get_their_environment_OIDC_and_a_concurrency_that_never_cancels()
    {
        var staging = Plan("deploy-staging.yml");
        var migrate = staging.Job("migrate-db");

        Assert.Equal("staging", migrate.Declaration.Environment);
        Assert.Equal(PermissionLevel.Write, migrate.Permissions.Levels[PermissionScope.IdToken]);
        Assert.Equal(PermissionLevel.Read, migrate.Permissions.Levels[PermissionScope.Contents]);
        Assert.False(staging.Job("smoke-test").Permissions.Levels.ContainsKey(PermissionScope.IdToken));
        Assert.Equal(new Concurrency("deploy-staging", CancelInProgress: false), staging.Declaration.Concurrency);
        Assert.Contains(new KeyValuePair<string, string>("DATABASE_PASSWORD", "${{ secrets.DATABASE_PASSWORD }}"), migrate.Environment);
    }

    [Fact]
    public void Aws_access_puts_the_role_and_region_on_the_run_step_of_its_job_only()
    {
        var staging = Plan("deploy-staging.yml");

        Assert.Equal(
            [new("AWS_REGION", "${{ vars.AWS_REGION }}"), new KeyValuePair<string, string>("AWS_ROLE_ARN", "${{ vars.AWS_DEPLOY_ROLE_ARN }}")],
            staging.Job("rollback").Environment);
        Assert.DoesNotContain(staging.Job("smoke-test").Environment, e => e.Key.StartsWith("AWS_", StringComparison.Ordinal));
    }

    [Fact]
    public void Dispatch_inputs_are_typed_after_their_parameters_and_reach_the_jobs_that_use_them()
    {
        var production = Plan("deploy-production.yml");

        Assert.Equal(
            [("image_digest", "string", true), ("strategy", "choice", false), ("run_smoke_test", "boolean", false)],
            production.Inputs.Select(i => (i.Name, i.Type, i.Required)));
        Assert.Equal(["BlueGreen", "Canary", "AllAtOnce"], production.Inputs[1].Options);
        Assert.Equal(
            [new("IMAGE_DIGEST", "${{ inputs.image_digest }}"), new KeyValuePair<string, string>("STRATEGY", "${{ inputs.strategy }}")],
            production.Job("deploy-blue-green").Environment.Where(e => !e.Key.StartsWith("AWS_", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_job_that_needs_more_than_the_workflow_gets_its_own_permissions()
    {
        var release = Plan("release.yml");
        var security = Plan("security.yml");

        Assert.Equal(PermissionLevel.Write, release.Job("publish-release").Permissions.Levels[PermissionScope.Contents]);
        Assert.True(release.Job("version").Permissions.SameAs(release.Declaration.Permissions));
        Assert.Equal(PermissionLevel.Write, security.Job("scan").Permissions.Levels[PermissionScope.SecurityEvents]);
    }
}
