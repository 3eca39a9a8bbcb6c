using Engine.Running;

namespace Engine.Tests;

/// <summary>Values handed from one target to later ones in the same run and to later CI jobs.</summary>
public class TargetOutputsTests
{
    [Theory]
    [InlineData(new[] { "Deploy", "Push" }, new[] { "Push", "Deploy sha256:abc" })] // a value produced earlier in the run satisfies a later target's requirement
    [InlineData(new[] { "Deploy", "--image-digest", "sha256:given" }, new[] { "Deploy sha256:given" })] // the parameter alone satisfies it
    [InlineData(new[] { "Report", "Push" }, new[] { "Push", "Report" })] // a consumer of files runs after their producer when both are planned
    public void A_requirement_is_met_by_an_earlier_output_or_the_parameter_and_a_consumer_runs_after_its_producer(string[] args, string[] ran)
    {
        using var run = new BuildRun();
        var build = new DeliveryBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, args));
        Assert.Equal(ran, build.Ran);
    }

    [Fact]
    public void Without_the_producer_in_the_plan_the_parameter_is_required_and_the_error_names_both_ways()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.UsageError, run.Run(new DeliveryBuild(), "Deploy"));
        Assert.Contains("requires parameter ImageDigest: pass --image-digest", run.Output, StringComparison.Ordinal);
        Assert.Contains("or run a target that outputs image-digest (Push, Leak).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void On_GitHub_the_value_becomes_a_step_output_in_the_hosts_environment()
    {
        using var run = new BuildRun();
        var outputFile = run.OnGitHub("GITHUB_OUTPUT");

        Assert.Equal(BuildHost.Success, run.Run(new DeliveryBuild(), "Push", "NotesOutput"));

        var lines = File.ReadAllText(outputFile).Split('\n');
        Assert.Equal("image-digest=sha256:abc", lines[0]);
        Assert.Matches("^notes<<(EOF_[0-9A-F]{16})$", lines[1]);
        Assert.Equal(["line one", "line two", lines[1]["notes<<".Length..], ""], lines[2..]);
    }

    [Fact]
    public void Setting_an_output_the_target_does_not_declare_fails_the_target()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.TargetFailed, run.Run(new DeliveryBuild(), "Sneaky"));
        Assert.Contains("Target Sneaky sets output 'image-digest' but does not declare it", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_holds_a_secret_is_refused_and_nothing_is_written()
    {
        using var run = new BuildRun();
        var outputFile = run.OnGitHub("GITHUB_OUTPUT");

        Assert.Equal(BuildHost.TargetFailed, run.Run(new DeliveryBuild(), "Leak", "--token", "tok-123"));
        Assert.Contains("Output 'image-digest' would contain a secret", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(outputFile));
        Assert.DoesNotContain("tok-123", run.Output.Replace("::add-mask::tok-123", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_output_that_no_target_declares_is_an_error_in_the_build_itself()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.UsageError, run.Run(new OrphanBuild(), "Deploy"));
        Assert.Contains("Target Deploy requires output 'version', but no target declares it in Outputs.", run.Output, StringComparison.Ordinal);
    }

    private sealed class DeliveryBuild : RecordingBuild
    {
        private static readonly TargetOutput Digest = new("image-digest");
        private static readonly TargetOutput Notes = new("notes");

        [Parameter] public readonly string? ImageDigest;
        [Parameter, Secret] public readonly string? Token;

        public Target Push => _ => Record(_.Outputs(Digest).Executes(() => TargetOutputs.Set(this, Digest, "sha256:abc")), nameof(Push));

        public Target NotesOutput => _ => _.Outputs(Notes).Executes(() => TargetOutputs.Set(this, Notes, "line one\nline two"));

        public Target Deploy => _ => _
            .Requires(() => ImageDigest, Digest)
            .Executes(() => Ran.Add($"Deploy {ImageDigest ?? TargetOutputs.Get(this, Digest)}"));

        public Target Report => _ => Record(_.Consumes(Push), nameof(Report));

        public Target Sneaky => _ => _.Executes(() => TargetOutputs.Set(this, Digest, "sha256:def"));

        public Target Leak => _ => _.Outputs(Digest).Executes(() => TargetOutputs.Set(this, Digest, $"token={Token}"));
    }

    private sealed class OrphanBuild : BuildBase
    {
        [Parameter] public readonly string? Version;

        public Target Deploy => _ => _.Requires(() => Version, new TargetOutput("version")).Executes(() => { });
    }
}
