using Engine.Running;

namespace Engine.Tests;

/// <summary>What goes where: errors and warnings on standard error, escape codes only where wanted, no text lost.</summary>
[Collection(ConsoleCollection.Name)]
public class OutputStreamTests
{
    [Fact]
    public void Errors_and_warnings_go_to_standard_error_and_the_rest_to_standard_output()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.TargetFailed, run.Run(new PrintingBuild(), "Fails"));

        Assert.Contains("careful", run.Errors, StringComparison.Ordinal);
        Assert.Contains("Fails failed: broken", run.Errors, StringComparison.Ordinal);
        Assert.Contains("Build failed", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("just saying", run.Errors, StringComparison.Ordinal);
        Assert.Contains("just saying", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_goes_to_standard_error()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.UsageError, run.Run(new PrintingBuild(), "Nope"));
        Assert.Contains("error: Unknown target 'Nope'", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("TERM", "dumb")]
    public void NO_COLOR_and_a_dumb_terminal_turn_escape_codes_off_even_on_GitHub(string variable, string value)
    {
        using var run = new BuildRun { RedirectConsole = true };
        run.Environment["GITHUB_ACTIONS"] = "true";
        run.Environment[variable] = value;

        run.Run(new PrintingBuild(), "Fails");

        Assert.DoesNotContain("\e[", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void On_GitHub_without_NO_COLOR_errors_are_coloured()
    {
        using var run = new BuildRun { RedirectConsole = true };
        run.Environment["GITHUB_ACTIONS"] = "true";
        run.Environment["NO_COLOR"] = "";
        run.Environment["TERM"] = "xterm";

        run.Run(new PrintingBuild(), "Fails");

        Assert.Contains("\e[31m", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_a_target_prints_without_a_final_newline_is_not_lost()
    {
        using var run = new BuildRun { RedirectConsole = true };

        Assert.Equal(BuildHost.Success, run.Run(new PrintingBuild(), "Partial", "Quiet"));

        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("no newline at the end", lines);
        Assert.Contains("written in two parts", lines);
        Assert.True(lines.IndexOf("no newline at the end") < lines.FindIndex(l => l.StartsWith("── Quiet", StringComparison.Ordinal)));
    }

    private sealed class PrintingBuild : BuildBase
    {
        public Target Fails => _ => _.Executes(() =>
        {
            Log.Information("just saying");
            Log.Warning("careful");
            throw new InvalidOperationException("broken");
        });

        public Target Partial => _ => _.Executes(async () =>
        {
            Console.Write("written in ");
            await Task.Delay(10);
            Console.WriteLine("two parts");
            Console.Write("no newline at the end");
        });

        public Target Quiet => _ => _.After(Partial).Executes(() => { });
    }
}

/// <summary>Tests that install the redacting console: Console.Out is process-wide, so they never run side by side.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
