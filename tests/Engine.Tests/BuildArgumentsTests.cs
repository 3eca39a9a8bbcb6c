using Engine.Cli;
using Engine.Running;

namespace Engine.Tests;

public class BuildArgumentsTests
{
    [Theory]
    [InlineData("--plan takes no value: remove '=false'.", "Test", "--plan=false")]
    [InlineData("--help takes no value: remove '=x'.", "--help=x")]
    [InlineData("--h takes no value: remove '='.", "--h=")]
    [InlineData("--parallel takes no value: remove '=3'.", "Test", "--parallel=3")]
    public void A_value_on_a_switch_is_an_error(string message, params string[] args) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => BuildArguments.Parse(args)).Message);

    [Theory]
    [InlineData("--configuration is given twice: pass it once.", "--configuration", "Debug", "--configuration", "Release")]
    [InlineData("--Configuration is given twice: pass it once.", "--configuration=Debug", "--Configuration", "Release")]
    [InlineData("--verbosity is given twice: pass it once.", "--verbosity", "q", "--verbosity", "n")]
    [InlineData("--environment is given twice (also as --profile): pass it once.", "--profile", "a", "--environment", "b")]
    [InlineData("--max-parallel is given twice (also as --parallel): pass it once.", "--parallel", "--max-parallel", "3")]
    [InlineData("--root is given twice: pass it once.", "--root", "a", "--root", "b")]
    [InlineData("--plan is given twice: pass it once.", "--plan", "--plan")]
    public void An_option_given_twice_is_an_error_naming_it(string message, params string[] args) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => BuildArguments.Parse(["Test", .. args])).Message);

    [Fact]
    public void Target_and_skip_are_lists_and_may_repeat()
    {
        var arguments = BuildArguments.Parse(["A", "--target", "B", "--target", "C", "--skip", "D", "--skip", "E"]);

        Assert.Equal(["A", "B", "C"], arguments.Targets);
        Assert.Equal(["D", "E"], arguments.Skip);
    }

    [Fact]
    public void Inline_values_still_work_for_options_that_take_one()
    {
        var arguments = BuildArguments.Parse(["Test", "--verbosity=quiet", "--configuration=Release"]);

        Assert.Equal(Verbosity.Quiet, arguments.Verbosity);
        Assert.Equal(["Release"], arguments.ParameterOptions["CONFIGURATION"].Values);
    }

    [Fact]
    public void Through_the_host_a_usage_error_is_one_line_and_exit_code_2()
    {
        using var run = new BuildRun();
        var build = new ChainBuild();

        var code = run.Run(build, "Compile", "--plan=false");

        Assert.Equal(BuildHost.UsageError, code);
        Assert.Equal("error: --plan takes no value: remove '=false'.", run.Output.Trim());
        Assert.Empty(build.Ran);
    }
}
