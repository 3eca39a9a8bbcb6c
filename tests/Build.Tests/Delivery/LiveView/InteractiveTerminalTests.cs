using Engine;
using Engine.Output;

namespace BuildTests.Delivery.LiveView;

/// <summary>The live table is drawn only in an interactive terminal that asks for nothing plainer; everything else gets today's lines.</summary>
public sealed class InteractiveTerminalTests
{
    private static readonly Dictionary<string, string> Terminal = new() { ["TERM"] = "xterm-256color" };

    [Fact]
    public void A_terminal_with_TERM_set_and_nothing_plainer_asked_for_draws_the_table() =>
        Assert.True(InteractiveTerminal.Draws(Terminal.GetValueOrDefault, outputIsTerminal: true, Output(Verbosity.Normal)));

    [Theory]
    [InlineData("TERM", "dumb")]
    [InlineData("TERM", "")]
    [InlineData("NO_COLOR", "1")]
    [InlineData("CI", "true")]
    [InlineData("CI", "1")]
    [InlineData("GITHUB_ACTIONS", "true")]
    public void A_variable_asking_for_plain_output_gets_today_s_lines(string name, string value)
    {
        var environment = new Dictionary<string, string>(Terminal) { [name] = value };

        Assert.False(InteractiveTerminal.Draws(environment.GetValueOrDefault, outputIsTerminal: true, Output(Verbosity.Normal)));
    }

    [Fact]
    public void Output_redirected_to_a_file_or_a_pipe_gets_today_s_lines() =>
        Assert.False(InteractiveTerminal.Draws(Terminal.GetValueOrDefault, outputIsTerminal: false, Output(Verbosity.Normal)));

    [Fact]
    public void A_quieter_verbosity_than_normal_gets_today_s_lines_which_it_then_filters() =>
        Assert.False(InteractiveTerminal.Draws(Terminal.GetValueOrDefault, outputIsTerminal: true, Output(Verbosity.Minimal)));

    [Fact]
    public void A_target_whose_output_is_held_back_beside_others_gets_today_s_lines()
    {
        var output = Output(Verbosity.Normal);
        using var held = output.BeginBuffer();

        Assert.False(InteractiveTerminal.Draws(Terminal.GetValueOrDefault, outputIsTerminal: true, output));
    }

    [Fact]
    public void CI_false_is_not_CI() =>
        Assert.True(InteractiveTerminal.Draws(new Dictionary<string, string>(Terminal) { ["CI"] = "false" }.GetValueOrDefault, outputIsTerminal: true, Output(Verbosity.Normal)));

    private static BuildOutput Output(Verbosity verbosity) => new(TextWriter.Null, verbosity, new SecretMasker(), useColor: false);
}
