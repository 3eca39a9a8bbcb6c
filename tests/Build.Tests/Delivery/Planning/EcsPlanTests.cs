using BuildTests.Aws;
using BuildTests.Cli;

namespace BuildTests.Delivery.Planning;

/// <summary>
/// ./build.sh DeployBlueGreen, Rollback and DeployProduction --plan on ECS, against moto, as a user runs them: the last
/// line and the exit code say whether it could go ahead, artifacts/deploy-plan.json is written, and nothing in AWS
/// changed: the listener's tags (state and lock), the listeners' weights, the services and the task definitions.
/// </summary>
public sealed class EcsPlanTests : IDisposable
{
    private readonly CompiledBuild build = new();

    public EcsPlanTests()
    {
        foreach (var environment in new[] { "staging", "production" })
            File.WriteAllText(Path.Combine(build.Root, ".nuke", $"parameters.{environment}.json"), "{}");
    }

    [MotoFact]
    public async Task A_plan_that_could_go_ahead_shows_the_live_release_the_new_color_and_the_change_and_changes_nothing()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        await environment.DeployAsync(MotoEcsEnvironment.ImageA);
        var before = await SnapshotAsync(environment);

        var (code, output) = await PlanAsync(environment, "DeployBlueGreen", "--image-digest", MotoEcsEnvironment.ImageB);

        Assert.True(code == 0, output);
        Assert.Equal($"plan: {MotoEcsEnvironment.ImageB} → green via 10,50,100 (3 × 30 s bake), about 3 min", LastLine(output));
        Assert.Contains("  live:        blue 1.0.0 (commit abc1234, " + MotoEcsEnvironment.ImageA + "), since ", output, StringComparison.Ordinal);
        Assert.Contains($"  changes:     image: {MotoEcsEnvironment.ImageA} → {MotoEcsEnvironment.ImageB}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(build.Root, "artifacts", "deploy-plan.json")));
        Assert.Equal(before, await SnapshotAsync(environment));
    }

    [MotoFact]
    public async Task A_held_lock_stops_it_naming_the_holder_and_the_lock_stays_as_it_was()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        var listener = await ProductionListenerAsync(environment);
        var since = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
        await environment.Elb.AddTags(listener, ListenerTags.FromLock(new DeployLock("alice", "run-9", "ci-runner", 77, since, since.AddYears(10))), CancellationToken.None);
        var before = await SnapshotAsync(environment);

        var (code, output) = await PlanAsync(environment, "DeployBlueGreen", "--image-digest", MotoEcsEnvironment.ImageB);

        Assert.True(code == 1, output);
        Assert.StartsWith($"plan: would stop: the deploy lock of staging is held by alice (run run-9, ci-runner pid 77) since 2026-12-07 09:30:00Z", LastLine(output), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(environment));
    }

    [MotoFact]
    public async Task An_environment_never_provisioned_stops_it()
    {
        var app = "t" + Guid.NewGuid().ToString("N")[..6];

        var (code, output) = await build.RunAsync(Moto(), "DeployBlueGreen", "--plan", "--environment", "staging", "--ecs-app", app, "--image-digest", MotoEcsEnvironment.ImageB);

        Assert.True(code == 1, output);
        Assert.Equal($"plan: would stop: staging was never provisioned: ECS cluster '{app}-staging' not found (or not ACTIVE) in us-east-1: run ./build.sh Provision --environment staging, or check --ecs-app, --ecs-cluster and the region (us-east-1)", LastLine(output));
    }

    [MotoFact]
    public async Task DeployProduction_with_a_digest_staging_never_ran_stops_it_and_touches_neither_environment()
    {
        var staging = await MotoEcsEnvironment.ProvisionedAsync();
        await staging.DeployAsync(MotoEcsEnvironment.ImageA);
        var before = await SnapshotAsync(staging);

        var (code, output) = await build.RunAsync(Moto(), "DeployProduction", "--plan", "--ecs-app", staging.Names.App, "--image-digest", MotoEcsEnvironment.ImageC);

        Assert.True(code == 1, output);
        Assert.StartsWith($"plan: would stop: {MotoEcsEnvironment.ImageC} never went live in staging (live there: {MotoEcsEnvironment.ImageA}); production only gets what staging verified", LastLine(output), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(staging));
        Assert.Null(await staging.Ecs.DescribeCluster($"{staging.Names.App}-production", CancellationToken.None));
    }

    [MotoFact]
    public async Task Rollback_plans_a_flip_to_the_color_standing_by()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        await environment.DeployAsync(MotoEcsEnvironment.ImageA);
        await environment.DeployAsync(MotoEcsEnvironment.ImageB);
        var before = await SnapshotAsync(environment);

        var (code, output) = await PlanAsync(environment, "Rollback");

        Assert.True(code == 0, output);
        Assert.Equal("plan: rollback to 1.0.0 on blue by a flip, about 5 s", LastLine(output));
        Assert.Equal(before, await SnapshotAsync(environment));
    }

    public void Dispose() => build.Dispose();

    private Task<(int ExitCode, string Output)> PlanAsync(MotoEcsEnvironment environment, string target, params string[] args) =>
        build.RunAsync(Moto(), [target, "--plan", "--environment", environment.Names.Environment, "--ecs-app", environment.Names.App, .. args]);

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1];

    private static async Task<string> ProductionListenerAsync(MotoEcsEnvironment environment)
    {
        var balancer = (await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, CancellationToken.None))!;
        return (await environment.Elb.DescribeListeners(balancer.Arn, CancellationToken.None)).Single(l => l.Port == 80).Arn;
    }

    /// <summary>Everything a deploy changes: the state and lock tags, both listeners' actions, the services, the revisions.</summary>
    private static async Task<string> SnapshotAsync(MotoEcsEnvironment environment)
    {
        var balancer = (await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, CancellationToken.None))!;
        var parts = new List<string>();
        foreach (var listener in await environment.Elb.DescribeListeners(balancer.Arn, CancellationToken.None))
        {
            parts.Add(System.Text.Json.JsonSerializer.Serialize(listener.DefaultActions));
            parts.AddRange((await environment.Elb.DescribeTags(listener.Arn, CancellationToken.None)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
        }

        foreach (var color in new[] { Color.Blue, Color.Green })
        {
            var service = (await environment.Ecs.DescribeServices(environment.Names.Cluster, [environment.Names.Service(color)], CancellationToken.None)).Single();
            parts.Add($"{service.Name} {service.TaskDefinition} {service.DesiredCount}");
            parts.AddRange(await environment.Ecs.ListTaskDefinitions(environment.Names.TaskFamily(color), CancellationToken.None));
        }

        return string.Join("\n", parts);
    }

    private static Dictionary<string, string> Moto() => new()
    {
        ["NO_COLOR"] = "1",
        ["AWS_ENDPOINT_URL"] = Environment.GetEnvironmentVariable(Services.Moto) ?? "http://127.0.0.1:1",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
