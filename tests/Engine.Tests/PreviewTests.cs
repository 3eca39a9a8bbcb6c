using Engine.Running;

namespace Engine.Tests;

/// <summary>
/// --plan on a target with a preview: the order as always, then the preview of each invoked target, and no target's
/// actions; the exit code says whether every preview could go ahead.
/// </summary>
public class PreviewTests
{
    [Theory]
    [InlineData(true, BuildHost.Success)]
    [InlineData(false, BuildHost.TargetFailed)]
    public void The_invoked_targets_preview_runs_instead_of_any_action(bool goAhead, int expected)
    {
        using var run = new BuildRun();
        var build = new PreviewBuild { GoAhead = goAhead };

        var code = run.Run(build, "Ship", "--plan");

        Assert.Equal(expected, code);
        Assert.Empty(build.Ran);
        Assert.Equal(["Ship"], build.Previewed);
        Assert.Contains("Plan for Ship:", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("preview of Ship", run.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_preview_that_throws_is_one_error_line_and_exit_1()
    {
        using var run = new BuildRun();
        var build = new PreviewBuild { Broken = true };

        Assert.Equal(BuildHost.TargetFailed, run.Run(build, "Ship", "--plan"));
        Assert.Contains("error: Ship's plan could not be made: unreachable", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_plan_the_preview_never_runs()
    {
        using var run = new BuildRun();
        var build = new PreviewBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, "Ship"));
        Assert.Equal(["Compile", "Ship"], build.Ran);
        Assert.Empty(build.Previewed);
    }

    private sealed class PreviewBuild : RecordingBuild
    {
        public bool GoAhead { get; init; } = true;
        public bool Broken { get; init; }
        public List<string> Previewed { get; } = [];

        public Target Compile => _ => Record(_, nameof(Compile));

        public Target Ship => _ => Record(_.DependsOn(Compile), nameof(Ship)).Previews(_ =>
        {
            Previewed.Add(nameof(Ship));
            if (Broken)
                throw new InvalidOperationException("unreachable");
            Log.Information("preview of Ship");
            return Task.FromResult(GoAhead);
        });
    }
}
