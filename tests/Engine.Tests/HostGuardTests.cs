using Engine.Running;

namespace Engine.Tests;

/// <summary>What the host does when something other than a target goes wrong: one line, the right exit code.</summary>
public class HostGuardTests
{
    [Fact]
    public void An_unexpected_exception_is_one_internal_error_line_and_exit_code_1()
    {
        using var run = new BuildRun();

        var code = run.Run(new BrokenParameterBuild(), "Fine");

        Assert.Equal(BuildHost.TargetFailed, code);
        Assert.Equal("error: internal error: InvalidOperationException: the getter broke", run.Output.Trim());
        Assert.Equal(run.Output, run.Errors);
    }

    [Fact]
    public void At_verbose_the_internal_error_has_its_stack_trace()
    {
        using var run = new BuildRun();

        var code = run.Run(new BrokenParameterBuild(), "Fine", "--verbosity", "verbose");

        Assert.Equal(BuildHost.TargetFailed, code);
        Assert.StartsWith("error: internal error: InvalidOperationException: the getter broke", run.Output, StringComparison.Ordinal);
        Assert.Contains("   at ", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Compile", "--plan=false")]
    [InlineData("NoSuchTarget")]
    public void Error_lines_go_to_standard_error_only(params string[] args)
    {
        using var run = new BuildRun();

        var code = run.Run(new ChainBuild(), args);

        Assert.Equal(BuildHost.UsageError, code);
        Assert.StartsWith("error: ", run.Errors, StringComparison.Ordinal);
        Assert.Equal(run.Errors, run.Output);
    }

    [Fact]
    public void A_schema_that_cannot_be_written_is_a_warning()
    {
        using var run = new BuildRun();
        Directory.CreateDirectory(Path.Combine(run.Root, ".nuke", "build.schema.json"));
        var build = new ChainBuild();

        var code = run.Run(build, "Restore");

        Assert.Equal(BuildHost.Success, code);
        Assert.Equal(["Restore"], build.Ran);
        Assert.Contains("warning: could not update .nuke/build.schema.json: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_graph_that_cannot_be_written_is_a_warning_after_the_plan()
    {
        using var run = new BuildRun();
        File.WriteAllText(Path.Combine(run.Root, "artifacts"), "a file where the folder would go");

        var code = run.Run(new ChainBuild(), "Compile", "--plan");

        Assert.Equal(BuildHost.Success, code);
        Assert.Contains("Plan for Compile:", run.Output, StringComparison.Ordinal);
        Assert.Contains("warning: could not write artifacts/plan.md: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_summary_that_cannot_be_written_is_a_warning_and_the_build_still_succeeds()
    {
        using var run = new BuildRun();
        run.Environment["GITHUB_ACTIONS"] = "true";
        run.Environment["GITHUB_STEP_SUMMARY"] = "/proc/nonexistent/summary.md";

        var code = run.Run(new ChainBuild(), "Restore");

        Assert.Equal(BuildHost.Success, code);
        Assert.Contains("warning: could not append the step summary to /proc/nonexistent/summary.md: ", run.Output, StringComparison.Ordinal);
    }

    private sealed class BrokenParameterBuild : BuildBase
    {
        public Target Fine => _ => _.Executes(() => { });

        // A parameter getter is build code the host calls outside any target: nothing there is expected to throw.
        [Parameter] public string Broken => throw new InvalidOperationException("the getter broke");
    }
}
