using Engine.Running;

namespace Engine.Tests;

public class SecretRedactionTests
{
    private const string Token = "s3cr3t-Token/with+chars";

    [Fact]
    public void A_secret_echoed_by_a_tool_never_appears_in_the_output()
    {
        using var run = new BuildRun();

        var code = run.Run(new EchoBuild(), "Echo", "--api-token", Token);

        Assert.Equal(BuildHost.Success, code);
        Assert.Contains("token is ***", run.Output, StringComparison.Ordinal);
        Assert.Contains("encoded ***", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Token), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_tool_shows_its_command_line_and_errors_redacted()
    {
        using var run = new BuildRun();

        var code = run.Run(new EchoBuild(), "Fail", "--api-token", Token);

        Assert.Equal(BuildHost.TargetFailed, code);
        Assert.Contains("exited with code 3", run.Output, StringComparison.Ordinal);
        Assert.Contains("refused ***", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_registered_while_running_is_masked_from_then_on()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.Success, run.Run(new EchoBuild(), "Learn"));
        Assert.Contains("password: ***", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("registry-password-42", run.Output, StringComparison.Ordinal);
    }

    private sealed class EchoBuild : BuildBase
    {
        [Parameter, Secret] public readonly string? ApiToken;

        public Target Echo => _ => _.Executes(async () =>
        {
            await ToolRunner.RunAsync(new ToolInvocation("sh", ["-c", "echo \"token is $1\"; echo \"encoded $2\" >&2", "sh", ApiToken!, Uri.EscapeDataString(ApiToken!)]));
        });

        public Target Fail => _ => _.Executes(async () =>
        {
            await ToolRunner.RunAsync(new ToolInvocation("sh", ["-c", "echo \"refused $1\" >&2; exit 3", "sh", ApiToken!]));
        });

        public Target Learn => _ => _.Executes(() =>
        {
            Secrets.Register("registry-password-42");
            Log.Information("password: registry-password-42");
        });
    }
}
