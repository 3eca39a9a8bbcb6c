using System.Diagnostics;
using Xunit.Abstractions;

namespace BuildTests.Bootstrap;

[RunsLong(240)]
public class BootstrapperTests(ITestOutputHelper log)
{
    /// <summary>
    /// build.sh and build.cmd are tested by a bash script of their own (tests/bootstrap/bootstrap-test.sh: fast
    /// path, recompiles, exit codes, arguments, SDK install path); this runs it as part of the suite.
    /// </summary>
    [Fact]
    public async Task The_bootstrapper_behaviour_tests_pass()
    {
        var script = TestPaths.RepositoryRoot / "tests" / "bootstrap" / "bootstrap-test.sh";
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // A bound on a hang, not a timing check: its compiles take minutes beside the other tests on two cores.
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(20))) != exited)
        {
            process.Kill(entireProcessTree: true); // nothing of it may outlive the test
            await exited;
            Assert.Fail($"bootstrap-test.sh did not finish in 20 min; its output so far:\n{await output}{await errors}");
        }

        var text = await output + await errors;
        log.WriteLine(text); // each behaviour's line and seconds, in the results of a run that passed too
        Assert.True(process.ExitCode == 0, text);
        Assert.Matches(@"(?m)^\d+ passed, 0 failed$", text);
    }
}
