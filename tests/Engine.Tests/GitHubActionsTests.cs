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

    private sealed class SecretBuild : BuildBase
    {
        [Parameter, Secret] public readonly string? Password;

        public Target Fails => _ => _.Executes(() => throw new InvalidOperationException($"login with {Password} refused"));
    }
}
