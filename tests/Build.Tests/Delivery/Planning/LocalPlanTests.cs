using BuildTests.Delivery.Local;
using Pipeline.Delivery.Planning;

namespace BuildTests.Delivery.Planning;

/// <summary>
/// Plans on the real local platform (Docker, HAProxy): what the containers run is read from the engine, and planning
/// leaves the state and lock files, the router's weights and the containers as they were; a held lock and an engine
/// that does not answer are reasons to stop.
/// </summary>
public sealed class LocalPlanTests(ServiceImages images) : IClassFixture<ServiceImages>
{
    [LocalPlatformFact]
    public async Task A_second_deploy_is_planned_to_green_with_the_containers_difference_and_nothing_changes()
    {
        await using var environment = new Local.LocalEnvironment();
        await new LocalDeployment(environment).DeployAsync(images.First, "1.0.0");
        var before = await SnapshotAsync(environment);

        var plan = await Planner(environment).DeployAsync(Request(images.Second), CancellationToken.None);

        Assert.True(plan.GoAhead, plan.Summary);
        Assert.Equal("plan: 2.0.0 → green via 10,50,100 (3 × 3 s bake), about 84 s", plan.Summary);
        Assert.Equal(images.First.ToString(), plan.Live!.Image);
        Assert.NotNull(plan.Live.Since);
        Assert.Contains(plan.Changes, c => c.Field == "image" && c.New == images.Second.ToString());
        Assert.Contains(plan.Changes, c => c.Field == "ports" && c.Live == environment.Settings.BluePort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(plan.Changes, c => c.Field == "environment"); // the same names on both colors, the secret's among them
        Assert.Equal(before, await SnapshotAsync(environment));
    }

    [LocalPlatformFact]
    public async Task A_lock_held_by_another_host_stops_it_and_stays()
    {
        await using var environment = new Local.LocalEnvironment();
        var holder = new DeployLock("alice", "run-9", "elsewhere", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
        Assert.Null(await environment.Platform.TryAcquireLockAsync(holder, null, CancellationToken.None));
        var before = await SnapshotAsync(environment);

        var plan = await Planner(environment).DeployAsync(Request(images.First), CancellationToken.None);

        Assert.False(plan.GoAhead);
        Assert.StartsWith("plan: would stop: the deploy lock of local is held by alice (run run-9, elsewhere pid 1) since ", plan.Summary, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(environment));
    }

    [LocalPlatformFact]
    public async Task An_engine_that_does_not_answer_stops_a_rollback_and_starts_no_router()
    {
        await using var environment = new Local.LocalEnvironment(settings => settings with { Docker = new Pipeline.Tools.DockerEngine("unix:///nonexistent/docker.sock") });

        var plan = await Planner(environment).RollbackAsync(new PlanRequest("Rollback", "local"), CancellationToken.None);

        Assert.StartsWith("plan: would stop: the Docker engine at unix:///nonexistent/docker.sock does not answer", plan.Summary, StringComparison.Ordinal);
        Assert.False(File.Exists(environment.StateDirectory / "haproxy.pid"));
    }

    private static DeployPlanner Planner(Local.LocalEnvironment environment) =>
        new(environment.Platform, LocalDeployment.ShortBakes, SystemDeployClock.Instance, DeployOwner.Current("plan-test"), _ => true);

    private static PlanRequest Request(ImageDigest image) =>
        new("DeployBlueGreen", "local") { Release = new PlannedRelease(null, image.ToString(), "2.0.0", "c0ffee") };

    /// <summary>What a deploy changes: the state folder's files, the router's weights, and what each color's container runs since when.</summary>
    internal static async Task<string> SnapshotAsync(Local.LocalEnvironment environment)
    {
        var files = Directory.GetFiles(environment.StateDirectory).Order(StringComparer.Ordinal)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal)).Select(f => $"{Path.GetFileName(f)}: {File.ReadAllText(f)}");
        var colors = new List<string>();
        foreach (var color in new[] { Color.Blue, Color.Green })
            colors.Add($"{color}: {await environment.Platform.DefinitionAsync(color, CancellationToken.None)}");
        var weights = File.Exists(environment.StateDirectory / "haproxy.pid") ? (await environment.Platform.ReadWeightsAsync(CancellationToken.None)).ToString() : "no router";
        return string.Join("\n", [.. files, .. colors, weights]);
    }
}
