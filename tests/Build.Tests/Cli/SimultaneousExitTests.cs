namespace BuildTests.Cli;

/// <summary>
/// Builds a test starts in a process group of their own, and plain ones, ending at the same moment. Under the Test
/// target every such build is instrumented for coverage, and the collector's exit handler writes hits files all of them
/// share, guarded by a named mutex whose scope is the session: builds started with setsid (a session of their own)
/// wrote one at once with a plain build and aborted (exit 134, an IOException in the handler), the crash CI saw.
/// </summary>
public class SimultaneousExitTests
{
    [Fact]
    public async Task Builds_started_in_a_group_of_their_own_and_plain_ones_ending_together_all_exit_cleanly()
    {
        for (var round = 0; round < 20; round++)
        {
            using var grouped = new CompiledBuild();
            using var plain = new CompiledBuild();
            var runs = new List<Task<(int ExitCode, string Output)>>();
            for (var i = 0; i < 2; i++)
            {
                runs.Add(CompiledBuild.WaitAsync(grouped.StartInOwnProcessGroup(null, "--help")));
                runs.Add(plain.RunAsync(null, "--help"));
            }

            foreach (var (code, output) in await Task.WhenAll(runs))
                Assert.True(code == 0 && !output.Contains("Unhandled exception", StringComparison.Ordinal), $"round {round}: exit code {code}; output:\n{output}");
        }
    }
}
