using System.Text.RegularExpressions;
using BuildTests.Delivery.EndToEnd;
using BuildTests.Delivery.Local;
using Xunit.Abstractions;

namespace BuildTests.Delivery.LiveView;

/// <summary>
/// ./build.sh DeployBlueGreen as a person sees it: in a terminal (tmux, 160 × 50), one table at the bottom that is
/// redrawn in place, showing both colors, the step, the bake's elapsed time and the measurements against their
/// limits; the terminal given back whole at the end. And with its output redirected, today's lines and nothing drawn.
/// </summary>
public sealed class LiveViewInTerminalTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    private static readonly string BuildAssembly = Path.Combine(AppContext.BaseDirectory, "_build.dll");

    [TerminalFact]
    public async Task In_a_terminal_the_deploy_is_one_table_redrawn_in_place_with_both_colors_the_step_the_bake_and_the_measurements()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        await using var users = new PublicTraffic(build.Environment.Platform.PublicAddress);
        await users.FlowingAsync();
        var loads = new AssemblyLoadTrace(Path.Combine(build.Root, "loads.nettrace"));
        var (variables, arguments) = build.Invocation(loads.Variables, "DeployBlueGreen", "--image-digest", images.Second.ToString(), "--bake-time", "6s");
        using var terminal = new TerminalSession(build.Root, AsInATerminal(variables), ["dotnet", BuildAssembly, .. arguments]);

        var screen = await terminal.UntilScreenAsync(s => s.Contains("50% of traffic", StringComparison.Ordinal) && Regex.IsMatch(s, @"bake\s+[2-5] s / 6 s"), TimeSpan.FromMinutes(2), "the 50% step's bake");
        output.WriteLine(screen);

        Assert.Equal(1, Tables(screen));
        Assert.Matches(@"blue\s+\S.*\blive\s+running 1/1\s+healthy\s+50%", screen);
        Assert.Matches(@"green\s+\S.*\bnew\s+running 1/1\s+healthy\s+50%", screen);
        Assert.Matches(@"step\s+50% of traffic on the new color \(2 of 3\)", screen);
        Assert.Matches(@"5xx\s+mean response\s+requests\s+result", screen);
        Assert.Matches(@"limit\s+≤ 1%\s+≤ \d+ ms\s+≥ \d+", screen);
        Assert.Matches(@"latest\s+0%\s+\d+ ms\s+\d+\s+passed", screen);
        Assert.Contains("step 50%: blue 50% / green 50%", screen, StringComparison.Ordinal); // the latest events
        Assert.DoesNotContain("waiting for step", terminal.History(), StringComparison.Ordinal); // status lines are the table's now

        var code = await terminal.UntilExitAsync(TimeSpan.FromMinutes(2));
        var end = terminal.Screen();
        output.WriteLine(end);
        Assert.True(code == 0, $"exit code {code}:\n{terminal.History()}");
        Assert.True(terminal.CursorShown, "the cursor is still hidden after the build ended");
        Assert.Equal(1, Tables(terminal.History())); // redrawn in place, never scrolled
        Assert.Matches(@"green\s+\S.*\blive\s+running 1/1\s+healthy\s+100%", end);
        Assert.Matches(@"blue\s+\S.*\bstandby\s+running 1/1\s+healthy\s+0%", end);
        Assert.Matches(@"DeployBlueGreen\s+Succeeded", end);
        Assert.Matches(@"╭─+ ?deploying .*sha256:\w+….* to local on local", end); // the deploy's first line is its title
        Assert.True(loads.Loaded("Spectre.Console"), "the trace does not show Spectre.Console loaded, though it drew the table: it would show nothing");
    }

    [TerminalFact]
    public async Task Ctrl_C_during_the_bake_aborts_as_ever_and_gives_the_terminal_back_with_every_table_whole()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        var (variables, arguments) = build.Invocation(null, "DeployBlueGreen", "--image-digest", images.Second.ToString(), "--bake-time", "60s");
        using var terminal = new TerminalSession(build.Root, AsInATerminal(variables), ["dotnet", BuildAssembly, .. arguments]);
        await terminal.UntilScreenAsync(s => Regex.IsMatch(s, @"bake\s+[1-9]\d* s / 60 s"), TimeSpan.FromMinutes(2), "the 10% step's bake");

        terminal.Interrupt();
        var code = await terminal.UntilExitAsync(TimeSpan.FromMinutes(1));

        var history = terminal.History();
        output.WriteLine(history);
        Assert.True(code != 0, $"a cancelled deploy exited with 0:\n{history}");
        Assert.Contains("aborting: cancelled; all traffic back on blue", history, StringComparison.Ordinal);
        Assert.Equal(TrafficWeights.AllOn(Color.Blue), await build.Environment.Platform.ReadWeightsAsync(CancellationToken.None));
        Assert.True(terminal.CursorShown, "the cursor is still hidden after Ctrl-C");
        // Every table drawn is whole: as many bottoms as tops, each after its top.
        var lines = history.Split('\n').Select(l => l.TrimStart()).ToList();
        var tops = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith('╭')).Select(x => x.i).ToList();
        var bottoms = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith('╰')).Select(x => x.i).ToList();
        Assert.Equal(tops.Count, bottoms.Count);
        Assert.All(tops.Zip(bottoms), pair => Assert.True(pair.First < pair.Second && !tops.Any(t => t > pair.First && t < pair.Second), $"a table begun on line {pair.First} is not closed before the next:\n{history}"));
    }

    [EndToEndFact]
    public async Task Redirected_the_deploy_prints_today_s_lines_each_event_as_its_own_line_and_never_loads_Spectre_Console()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        var loads = new AssemblyLoadTrace(Path.Combine(build.Root, "loads.nettrace"));
        // A terminal's variables, no NO_COLOR: only the redirection says "no table".
        var variables = new Dictionary<string, string>(loads.Variables) { ["NO_COLOR"] = "", ["TERM"] = "xterm-256color" };

        var run = await build.RunAsync(variables, "DeployBlueGreen", "--image-digest", images.Second.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\e', run.Output);
        var lines = run.Output.Split('\n');
        var events = run.Written.Events.Select(e => e[(e.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToList();
        var next = 0;
        foreach (var line in lines)
            next += next < events.Count && line == events[next] ? 1 : 0;
        Assert.True(next == events.Count, $"the event '{events.ElementAtOrDefault(next)}' is not a line of its own after the ones before it:\n{run.Output}");
        Assert.Contains(lines, l => l.StartsWith("waiting for step 10% to bake: ", StringComparison.Ordinal));
        Assert.False(loads.Loaded("Spectre.Console"), "a deploy whose output is redirected loaded Spectre.Console");
    }

    /// <summary>What a person's terminal has: none of CI's variables, no NO_COLOR, a UTF-8 locale; TERM is tmux's own.</summary>
    private static Dictionary<string, string?> AsInATerminal(IReadOnlyDictionary<string, string> variables)
    {
        var terminal = variables.ToDictionary(v => v.Key, v => (string?)v.Value);
        foreach (var name in new[] { "NO_COLOR", "CI", "GITHUB_ACTIONS" })
            terminal[name] = null;
        terminal["LANG"] = "C.UTF-8";
        return terminal;
    }

    /// <summary>How many tables: each begins with the panel's top left corner.</summary>
    private static int Tables(string screen) => screen.Split('\n').Count(line => line.TrimStart().StartsWith('╭'));
}
