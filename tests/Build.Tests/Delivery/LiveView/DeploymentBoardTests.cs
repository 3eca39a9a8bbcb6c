using Engine.Output;

namespace BuildTests.Delivery.LiveView;

/// <summary>
/// The live table's model, fed as a deploy feeds it (the in-memory platform, virtual time): per color its release,
/// role, instances, health and weight; the step and the bake; the measurements; the latest events and stopped reasons.
/// </summary>
public sealed class DeploymentBoardTests
{
    private readonly DeployHarness harness = new() { Settings = new() { BakeTime = TimeSpan.FromSeconds(30), Analysis = new() { Interval = TimeSpan.FromSeconds(10) } } };

    [Fact]
    public async Task During_the_50_percent_bake_the_board_shows_both_colors_the_step_the_bake_and_the_measurements()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        var (view, _) = await DeployWithBoardAsync(DeployHarness.ImageB, "2.0.0");

        var during = view.AtMeasurements.First(s => s.Step?.Percent == 50 && s.Bake?.Elapsed == TimeSpan.FromSeconds(20));

        Assert.Equal(new StepLine(50, 2, 3), during.Step);
        Assert.Equal(new BakeLine(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)), during.Bake);
        Assert.Equal(new ColorLine(Color.Blue, "1.0.0 (sha256:aaaaaaaaaaaa…)", "live", "running 1/1", "healthy", 50), during.Colors.Single(c => c.Color == Color.Blue));
        Assert.Equal(new ColorLine(Color.Green, "2.0.0 (sha256:bbbbbbbbbbbb…)", "new", "running 1/1", "healthy", 50), during.Colors.Single(c => c.Color == Color.Green));
        // The latest three, newest first: this step's two (half of the platform's 100 requests a sample), then the 10% step's last.
        Assert.Equal([50, 50, 10], during.Measurements.Select(m => m.Requests));
        Assert.Equal(MeasurementResult.Passed, during.Measurements[0].Result);
        Assert.Equal(harness.Settings.Analysis, during.Limits);
        Assert.EndsWith("step 50%: blue 50% / green 50%", during.Events[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_deploy_the_new_color_is_live_with_all_traffic_and_the_old_one_stands_by()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        var (_, board) = await DeployWithBoardAsync(DeployHarness.ImageB, "2.0.0");

        var end = board.Snapshot();

        Assert.Equal("done", end.Phase);
        Assert.Null(end.Bake);
        Assert.Equal(("live", 100), (end.Colors.Single(c => c.Color == Color.Green).Role, end.Colors.Single(c => c.Color == Color.Green).Weight));
        Assert.Equal(("standby", 0), (end.Colors.Single(c => c.Color == Color.Blue).Role, end.Colors.Single(c => c.Color == Color.Blue).Weight));
        Assert.Equal(5, end.Events.Count); // the latest five
    }

    [Fact]
    public async Task A_color_that_exits_shows_why_it_stopped()
    {
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.NextBehaviour = Behaviour.Exits;
        var (_, board) = await DeployWithBoardAsync(DeployHarness.ImageB, "2.0.0");

        var reason = Assert.Single(board.Snapshot().StoppedReasons);

        Assert.Equal("green: exited, exit code 139, last log line: Unhandled exception: boom", reason);
    }

    /// <summary>The ECS rollout wait, as EcsRollout words what it reads: the instances from its counts, its failure as the stopped reason.</summary>
    [Fact]
    public void An_ECS_rollout_shows_its_running_and_desired_counts_and_why_its_tasks_stopped()
    {
        var board = new DeploymentBoard("staging", harness.Settings, harness.Clock, text => text);
        board.Staged(Color.Green, new StageRequest(ImageDigest.Parse(DeployHarness.ImageB), 2, "2.0.0", "abc123"));

        board.Observed(Color.Green, new ColorStatus(ColorState.Starting, "running 1/desired 2, deployments: PRIMARY app-green:7 IN_PROGRESS"));
        Assert.Equal("starting 1/2", board.Snapshot().Colors.Single(c => c.Color == Color.Green).Instances);

        board.Observed(Color.Green, new ColorStatus(ColorState.Failed, "2 task(s) of app-green:7 stopped; stopped tasks: Essential container in task exited (app exit 1) ×2", ExitCode: 1));
        var snapshot = board.Snapshot();
        Assert.Equal("failed 0/2", snapshot.Colors.Single(c => c.Color == Color.Green).Instances);
        Assert.Equal("green: 2 task(s) of app-green:7 stopped; stopped tasks: Essential container in task exited (app exit 1) ×2, exit code 1", Assert.Single(snapshot.StoppedReasons));
    }

    [Fact]
    public void Every_text_is_masked_as_the_build_s_lines_are()
    {
        var secrets = new SecretMasker();
        secrets.Add("hunter2");
        var board = new DeploymentBoard("local", harness.Settings, harness.Clock, secrets.Redact);

        board.Event("calling https://hooks.example/hunter2");
        board.Waiting("green to be healthy", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), "DOWN: token hunter2");
        board.Health(Color.Green, new HealthReading(false, "answered with hunter2"));

        var snapshot = board.Snapshot();
        Assert.EndsWith("calling https://hooks.example/***", snapshot.Events.Single(), StringComparison.Ordinal);
        Assert.Equal("DOWN: token ***", snapshot.Wait!.Observed);
        Assert.Equal("unhealthy: answered with ***", snapshot.Colors.Single(c => c.Color == Color.Green).Health);
    }

    [Fact]
    public void A_wait_s_elapsed_time_goes_on_between_looks_up_to_its_deadline()
    {
        var board = new DeploymentBoard("local", harness.Settings, harness.Clock, text => text);
        board.Waiting("green to run", TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), "starting");

        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(5), board.Snapshot().Wait!.Elapsed);
        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(10), board.Snapshot().Wait!.Elapsed);
    }

    private async Task<(BoardView View, DeploymentBoard Board)> DeployWithBoardAsync(string image, string version)
    {
        var board = new DeploymentBoard("local", harness.Settings, harness.Clock, text => text);
        var view = new BoardView(board);
        using var log = new DeploymentLog(harness.Clock, view);
        var deployment = new BlueGreenDeployment(harness.Platform, harness.Settings, harness.Smoke, harness.Clock, log);
        await deployment.RunAsync(new DeployRequest("local", ImageDigest.Parse(image), version, "abc123", harness.Owner), harness.LiveProcesses.Contains, CancellationToken.None);
        return (view, board);
    }
}
