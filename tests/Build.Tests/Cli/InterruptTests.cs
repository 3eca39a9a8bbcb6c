using System.Diagnostics;

namespace BuildTests.Cli;

/// <summary>
/// Ctrl-C and SIGTERM on the compiled fixture build while its tool (a shell with a background and a foreground
/// sleep) runs: however the build is stopped, no process it started may be left, running or stopped. Every process
/// of a test carries a marker in its environment, inherited from the build, which is how leftovers are found.
/// </summary>
public class InterruptTests
{
    private const string MarkerVariable = "INTERRUPT_TEST_MARKER";

    [Theory]
    [InlineData("INT", true)] // one Ctrl-C in a terminal: the whole foreground group gets it, tools too
    [InlineData("TERM", false)] // a supervisor stopping the build alone
    public async Task One_signal_cancels_gracefully_runs_assured_targets_and_leaves_no_process(string signal, bool toGroup)
    {
        using var build = new CompiledBuild("FixtureBuild.dll");
        var marker = Guid.NewGuid().ToString("N");
        using var process = build.StartInOwnProcessGroup(new Dictionary<string, string> { [MarkerVariable] = marker }, "Hold");
        try
        {
            var session = await WaitForSleepingTool(marker);

            Signal(signal, toGroup ? -session : session);
            var (code, output) = await CompiledBuild.WaitAsync(process);

            Assert.True(code == 1, $"exit code {code}, expected 1 (Hold cancelled); output:\n{output}");
            Assert.Contains("Hold was cancelled.", output, StringComparison.Ordinal);
            Assert.Contains("Cleaned up.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            await AssertNoneLeft(marker);
        }
        finally
        {
            MarkedProcesses.Kill(MarkedProcesses.Find(MarkerVariable, marker));
        }
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_second_signal_while_cancelling_stops_every_tool_and_exits_at_once(string signal, int expectedCode)
    {
        using var build = new CompiledBuild("FixtureBuild.dll");
        var marker = Guid.NewGuid().ToString("N");
        // CleanUp's own tool sleeps long: the build is still cancelling when the second signal comes.
        using var process = build.StartInOwnProcessGroup(new Dictionary<string, string> { [MarkerVariable] = marker }, "Hold", "--clean-up-for", "300s");
        try
        {
            var session = await WaitForSleepingTool(marker);

            // To the build alone, as a supervisor (or `kill`) does: sent to the group, the signal also ends the tool
            // itself, and the build may see that failure before it sees the signal (the group case is the test above).
            var holding = MarkedProcesses.Find(MarkerVariable, marker).Select(p => p.Pid).ToHashSet();
            Signal(signal, session);
            // The second comes while the build cancels: once the assured clean-up's own tool runs.
            await WaitForSleepingTool(marker, except: holding);
            Signal(signal, session);
            var (code, output) = await CompiledBuild.WaitAsync(process);

            Assert.True(code == expectedCode, $"exit code {code}, expected {expectedCode}; output:\n{output}");
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            await AssertNoneLeft(marker);
        }
        finally
        {
            MarkedProcesses.Kill(MarkedProcesses.Find(MarkerVariable, marker));
        }
    }

    /// <summary>Until Hold's shell has started both its sleeps (the build itself takes a few seconds to start).</summary>
    [Fact]
    public async Task Two_quick_ctrl_c_in_a_terminal_leave_no_process_of_the_build()
    {
        using var build = new CompiledBuild("FixtureBuild.dll");
        var marker = Guid.NewGuid().ToString("N");
        using var process = build.StartInOwnProcessGroup(new Dictionary<string, string> { [MarkerVariable] = marker }, "Hold", "--clean-up-for", "300s");
        try
        {
            var session = await WaitForSleepingTool(marker);

            Signal("INT", -session);
            await Task.Delay(TimeSpan.FromMilliseconds(150));
            Signal("INT", -session);
            var (code, output) = await CompiledBuild.WaitAsync(process);

            // The tools get each Ctrl-C too and may end first: the build then reports a failure (1) instead of 130.
            Assert.True(code is 1 or 130, $"exit code {code}; output:\n{output}");
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            await AssertNoneLeft(marker);
        }
        finally
        {
            MarkedProcesses.Kill(MarkedProcesses.Find(MarkerVariable, marker));
        }
    }

    /// <returns>
    /// The build's process group, which is its own pid (the build is exec'd after setpgid): the group the tools run in.
    /// </returns>
    private static async Task<int> WaitForSleepingTool(string marker, IReadOnlySet<int>? except = null)
    {
        var clock = Stopwatch.StartNew();
        List<MarkedProcesses.Entry> sleeps;
        while ((sleeps = MarkedProcesses.Find(MarkerVariable, marker)
            .Where(p => p.CommandLine.StartsWith("sleep ", StringComparison.Ordinal) && except?.Contains(p.Pid) != true).ToList()).Count < 2)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the tool's sleeps never started");
            await Task.Delay(50);
        }

        return ProcessGroup.Of(sleeps[0].Pid);
    }

    /// <summary>The build has exited; what it killed may take a moment to disappear from /proc.</summary>
    private static async Task AssertNoneLeft(string marker)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<MarkedProcesses.Entry> left;
        while ((left = MarkedProcesses.Find(MarkerVariable, marker)).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(100);
        Assert.True(left.Count == 0, "left running: " + string.Join("; ", left));
    }

    /// <summary>kill(1): a negative id is a process group, as a terminal's Ctrl-C reaches its foreground group.</summary>
    private static void Signal(string signal, int id)
    {
        using var kill = Process.Start("kill", ["-s", signal, "--", id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
