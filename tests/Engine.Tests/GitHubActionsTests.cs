using Engine.Running;

namespace Engine.Tests;

public class GitHubActionsTests
{
    [Fact]
    public void On_GitHub_secrets_are_masked_first_targets_are_grouped_failures_annotated_and_the_summary_appended()
    {
        using var run = new BuildRun();
        var summary = run.OnGitHub("GITHUB_STEP_SUMMARY");

        var code = run.Run(new SecretBuild(), "Fails", "--password", "p@ss:w0rd");

        Assert.Equal(BuildHost.TargetFailed, code);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("::add-mask::p@ss:w0rd", lines[0]);
        Assert.Contains("::group::Fails", lines);
        Assert.Contains("::endgroup::", lines);
        Assert.Contains("::error title=Fails failed::login with *** refused", lines);
        Assert.Single(run.Output.Split("p@ss:w0rd")[1..]);
        var markdown = File.ReadAllText(summary);
        Assert.Contains("### Build failed", markdown, StringComparison.Ordinal);
        Assert.Contains("| Fails | Failed |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss:w0rd", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_GitHub_no_workflow_commands_are_printed()
    {
        using var run = new BuildRun();
        run.Environment["GITHUB_ACTIONS"] = "false";

        run.Run(new SecretBuild(), "Fails", "--password", "p@ss:w0rd");

        Assert.DoesNotContain("::", run.Output.Replace("p@ss:w0rd", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_appends_its_own_markdown_to_the_step_summary_redacted_and_ahead_of_the_summary_table()
    {
        using var run = new BuildRun();
        var summary = run.OnGitHub("GITHUB_STEP_SUMMARY");

        var code = run.Run(new ChartBuild(), "Chart", "--password", "p@ss:w0rd");

        Assert.Equal(BuildHost.Success, code);
        var markdown = File.ReadAllText(summary);
        Assert.StartsWith("## Deploy chart\n\ntraffic 10% → 100%, token ***\n\n### Build succeeded", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss:w0rd", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", null)] // on GitHub Actions without a step summary file
    [InlineData("false", "GITHUB_STEP_SUMMARY")] // off GitHub Actions, whatever the environment says
    public void Without_a_step_summary_appending_to_it_does_nothing(string onGitHub, string? summaryVariable)
    {
        using var run = new BuildRun();
        var summary = Path.Combine(run.Root, "summary.md");
        run.Environment["GITHUB_ACTIONS"] = onGitHub;
        run.Environment["GITHUB_STEP_SUMMARY"] = summaryVariable is null ? "" : summary;

        var code = run.Run(new ChartBuild(), "Chart", "--password", "p@ss:w0rd");

        Assert.Equal(BuildHost.Success, code);
        Assert.False(File.Exists(summary));
        Assert.DoesNotContain("warning", run.Output, StringComparison.Ordinal);
    }

    private sealed class ChartBuild : BuildBase
    {
        [Parameter, Secret] public readonly string? Password;

        public Target Chart => _ => _.Executes(() => AppendStepSummary($"## Deploy chart\n\ntraffic 10% → 100%, token {Password}\n\n\n"));
    }

    private sealed class SecretBuild : BuildBase
    {
        [Parameter, Secret] public readonly string? Password;

        public Target Fails => _ => _.Executes(() => throw new InvalidOperationException($"login with {Password} refused"));
    }
}
