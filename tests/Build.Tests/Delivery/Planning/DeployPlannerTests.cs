using Pipeline.Delivery.Planning;

namespace BuildTests.Delivery.Planning;

/// <summary>
/// The plan's decisions on the in-memory platform, as the deploy would decide them: the color, a first deploy, already
/// live, a flip or a redeploy for a rollback, and each reason to stop; and that planning writes, stages, locks and
/// moves nothing.
/// </summary>
public sealed class DeployPlannerTests
{
    private readonly DeployHarness harness = new() { Settings = new() { BakeTime = TimeSpan.FromMinutes(3), StandbyGrace = TimeSpan.FromMinutes(30) } };

    [Fact]
    public async Task A_go_ahead_plan_names_the_live_release_the_new_color_the_steps_and_the_migrations_and_changes_nothing()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        var (writes, stages, weights) = (harness.Platform.StateWrites.Count, harness.Platform.Stages, harness.Platform.WeightHistory.Count);

        var plan = await Planner().DeployAsync(Request(DeployHarness.ImageB) with { Migrations = _ => Task.FromResult(new MigrationPreview(["V2__add_owner.sql"], "compatible", "pg_dump first")) }, default);

        Assert.True(plan.GoAhead);
        Assert.Equal(Color.Blue, plan.Live!.Color);
        Assert.Equal(Color.Green, plan.New!.Color);
        Assert.Equal([10, 50, 100], plan.Traffic!.Steps);
        Assert.Equal("image", Assert.Single(plan.Changes, c => c.Field == "image").Field);
        Assert.StartsWith("plan: 0.1.0-dev.186 → green via 10,50,100 (3 × 3 min bake), 1 migration (compatible), about ", plan.Summary, StringComparison.Ordinal);
        Assert.Equal((writes, stages, weights), (harness.Platform.StateWrites.Count, harness.Platform.Stages, harness.Platform.WeightHistory.Count));
        Assert.Null(harness.Platform.Lock);
    }

    [Fact]
    public async Task A_first_deploy_goes_to_blue_at_once_and_the_live_image_is_nothing_to_do()
    {
        var first = await Planner().DeployAsync(Request(DeployHarness.ImageA), default);
        await harness.DeployAsync(DeployHarness.ImageA);
        var again = await Planner().DeployAsync(Request(DeployHarness.ImageA), default);

        Assert.Equal("plan: 0.1.0-dev.186 → blue at once (first deploy), about 2 min", first.Summary);
        Assert.Equal("plan: 0.1.0-dev.186 is already live on blue: nothing to do", again.Summary);
        Assert.True(again.GoAhead);
    }

    [Fact]
    public async Task A_lock_held_by_a_live_process_stops_it_naming_the_holder_and_since_when()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.LiveProcesses.Add(4242);
        harness.Platform.Lock = new DeployLock("alice", "run-9", "host-a", 4242, harness.Clock.UtcNow, harness.Clock.UtcNow.AddMinutes(30));

        var plan = await Planner().DeployAsync(Request(DeployHarness.ImageB), default);

        Assert.False(plan.GoAhead);
        Assert.Equal("plan: would stop: the deploy lock of local is held by alice (run run-9, host-a pid 4242) since 2026-11-23 12:00:00Z, expires 2026-11-23 12:30:00Z", plan.Summary);
        Assert.Equal("alice", harness.Platform.Lock.Owner);
    }

    [Fact]
    public async Task A_dead_holder_on_this_host_is_a_note_not_a_stop()
    {
        harness.Platform.Lock = new DeployLock("bob", "run-8", "host-a", 999, harness.Clock.UtcNow, harness.Clock.UtcNow.AddMinutes(30));

        var plan = await Planner().DeployAsync(Request(DeployHarness.ImageA), default);

        Assert.True(plan.GoAhead);
        Assert.Contains(plan.Notes, n => n.Contains("its process is gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_environment_stops_it_unless_an_earlier_target_makes_it_and_reasons_found_before_are_kept()
    {
        harness.Platform.Unreachable = true;

        var stopped = await Planner().DeployAsync(Request(DeployHarness.ImageA) with { Stops = ["a dirty tree"] }, default);
        var made = await Planner().DeployAsync(Request(DeployHarness.ImageA) with { MakesEnvironment = "LocalEnvironment" }, default);

        Assert.Equal("plan: would stop: a dirty tree; in memory: unreachable", stopped.Summary);
        Assert.True(made.GoAhead);
        Assert.Contains(made.Notes, n => n.EndsWith("LocalEnvironment would start it first, so what it serves is read only then", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_migration_the_check_refuses_stops_it()
    {
        var plan = await Planner().DeployAsync(
            Request(DeployHarness.ImageA) with { Migrations = _ => Task.FromResult(new MigrationPreview(["V2__drop.sql"], "incompatible", null, "the migration check stops it: drops column body")) }, default);

        Assert.Equal("plan: would stop: the migration check stops it: drops column body", plan.Summary);
    }

    [Fact]
    public async Task A_rollback_flips_to_a_standby_redeploys_one_that_stopped_and_stops_without_a_previous_release()
    {
        var nothing = await Planner().RollbackAsync(new PlanRequest("Rollback", "local"), default);
        await harness.TwoGoodDeploysAsync();
        var flip = await Planner().RollbackAsync(new PlanRequest("Rollback", "local"), default);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        var redeploy = await Planner().RollbackAsync(new PlanRequest("Rollback", "local"), default);

        Assert.Equal("plan: would stop: nothing to roll back to: local has no previous release recorded", nothing.Summary);
        Assert.Equal("plan: rollback to 1.0.0 on blue by a flip, about 5 s", flip.Summary);
        Assert.StartsWith("plan: rollback to 1.0.0 → blue via 10,50,100 (3 × 3 min bake)", redeploy.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_ends_with_the_summary_and_the_json_has_the_verdict()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        var plan = await Planner().DeployAsync(Request(DeployHarness.ImageB), default);
        var folder = new Engine.AbsolutePath(Directory.CreateTempSubdirectory("deploy-plan-").FullName);

        plan.Write(folder);
        var lines = DeployPlanText.Lines(plan);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(DeployPlan.PathIn(folder))).RootElement;
        Directory.Delete(folder, recursive: true);

        Assert.Equal(plan.Summary, lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("  live:        blue 1.0.0 (commit abc123, " + DeployHarness.ImageA + ")", StringComparison.Ordinal));
        Assert.True(json.GetProperty("goAhead").GetBoolean());
        Assert.Equal("green", json.GetProperty("new").GetProperty("color").GetString());
    }

    private DeployPlanner Planner() => new(harness.Platform, harness.Settings, harness.Clock, harness.Owner, harness.LiveProcesses.Contains);

    private static PlanRequest Request(string image) =>
        new("DeployBlueGreen", "local") { Release = new PlannedRelease(null, image, "0.1.0-dev.186", "def456") };
}
