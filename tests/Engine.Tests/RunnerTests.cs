using Engine.Running;

namespace Engine.Tests;

public class RunnerTests
{
    [Fact]
    public void A_failure_stops_the_build_but_assured_targets_still_run()
    {
        using var run = new BuildRun();
        var build = new ChainBuild { Failing = { "Compile" } };

        var code = run.Run(build, "Test");

        Assert.Equal(BuildHost.TargetFailed, code);
        Assert.Equal(["Restore", "Compile", "Cleanup"], build.Ran);
        Assert.Matches(@"Compile\s+Failed", run.Output);
        Assert.Matches(@"Test\s+NotRun\s+Compile did not succeed", run.Output);
        Assert.Matches(@"Cleanup\s+Succeeded", run.Output);
        Assert.Contains("Build failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successful_build_exits_zero_and_prints_the_summary_table()
    {
        using var run = new BuildRun();
        var build = new ChainBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, "Test"));
        Assert.Equal(["Restore", "Compile", "Test", "Cleanup"], build.Ran);
        Assert.Matches(@"Target\s+Status\s+Duration\s+Result", run.Output);
        Assert.Contains("Build succeeded", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Collective_targets_stay_out_of_the_summary()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.Success, run.Run(new ChainBuild(), "All"));
        Assert.DoesNotMatch(@"(?m)^All\s", run.Output);
    }

    [Fact]
    public void The_default_target_runs_when_none_is_named()
    {
        using var run = new BuildRun();
        var build = new ChainBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, b => ((ChainBuild)b).Restore));
        Assert.Equal(["Restore"], build.Ran);
    }

    [Fact]
    public void Parallel_runs_independent_targets_side_by_side_and_keeps_each_output_together()
    {
        using var run = new BuildRun();
        var build = new ParallelBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, "Left", "Right", "--max-parallel", "2"));

        // Each waits for the other to have started: only true concurrency can finish.
        Assert.True(build.BothStarted);
        var lines = run.Output.Split('\n').Select(l => l.Trim()).ToList();
        var left = lines.FindIndex(l => l.StartsWith("── Left", StringComparison.Ordinal));
        var right = lines.FindIndex(l => l.StartsWith("── Right", StringComparison.Ordinal));
        Assert.Equal(["Left 1", "Left 2", "Left 3"], lines.Skip(left + 1).Take(3));
        Assert.Equal(["Right 1", "Right 2", "Right 3"], lines.Skip(right + 1).Take(3));
    }

    [Fact]
    public void Proceed_after_failure_lets_independent_targets_run_and_still_fails()
    {
        using var run = new BuildRun();
        var build = new ProceedBuild();

        Assert.Equal(BuildHost.TargetFailed, run.Run(build, "Flaky", "Other"));
        Assert.Equal(["Flaky", "Other"], build.Ran);
    }

    [Theory]
    [InlineData("Guarded", @"(?m)Guarded\s+Skipped\s+Enabled$")] // a dynamic condition: skipped with its source text
    [InlineData("Statically", @"Prepare\s+Skipped\s+only needed by skipped Statically")] // a static one: the dependencies only it needs are skipped too
    public void A_false_condition_skips_and_the_summary_says_why(string target, string summaryLine)
    {
        using var run = new BuildRun();
        var build = new ConditionalBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, target));
        Assert.Empty(build.Ran);
        Assert.Matches(summaryLine, run.Output);
    }

    private sealed class ParallelBuild : RecordingBuild
    {
        private readonly TaskCompletionSource left = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource right = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool BothStarted { get; private set; }
        public Target Left => _ => _.Executes(() => Interleave("Left", left, right));
        public Target Right => _ => _.Executes(() => Interleave("Right", right, left));

        private async Task Interleave(string name, TaskCompletionSource mine, TaskCompletionSource other)
        {
            mine.SetResult();
            await other.Task.WaitAsync(TimeSpan.FromSeconds(30));
            BothStarted = true;
            for (var i = 1; i <= 3; i++)
            {
                Log.Information($"{name} {i}");
                await Task.Yield();
            }
        }
    }

    private sealed class ProceedBuild : RecordingBuild
    {
        public ProceedBuild() => Failing.Add("Flaky");

        public Target Flaky => _ => Record(_.ProceedAfterFailure(), nameof(Flaky));
        public Target Other => _ => Record(_.After(Flaky), nameof(Other));
    }

    private sealed class ConditionalBuild : RecordingBuild
    {
        private bool Enabled => false;

        public Target Prepare => _ => Record(_, nameof(Prepare));
        public Target Guarded => _ => Record(_.OnlyWhen(() => Enabled), nameof(Guarded));
        public Target Statically => _ => Record(_.DependsOn(Prepare).OnlyWhenStatic(() => Enabled), nameof(Statically));
    }
}
