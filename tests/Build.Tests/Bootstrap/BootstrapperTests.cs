using System.Diagnostics;

namespace BuildTests.Bootstrap;

[RunsLong(240)]
public class BootstrapperTests
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
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));

        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, text);
        Assert.Matches(@"(?m)^\d+ passed, 0 failed$", text);
    }
}
