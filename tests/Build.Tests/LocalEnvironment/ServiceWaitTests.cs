using System.Diagnostics;

namespace BuildTests.LocalEnvironment;

/// <summary>
/// build/services/common.sh's services_wait, the readiness wait of every service script: it keeps waiting through the
/// FATAL lines PostgreSQL writes while it starts or recovers from an unclean stop (a machine killed mid-run), and gives
/// up at once on any other FATAL line instead of waiting out the deadline.
/// </summary>
public sealed class ServiceWaitTests
{
    [Theory]
    [InlineData("FATAL:  the database system is starting up")]
    [InlineData("FATAL:  the database system is not yet accepting connections\nDETAIL:  Consistent recovery state has not been yet reached.")]
    public async Task A_server_starting_or_recovering_is_waited_for(string fatal)
    {
        var (code, errors) = await WaitAsync(fatal, readyAfterAttempts: 3);

        Assert.True(code == 0, errors);
    }

    [Fact]
    public async Task Any_other_fatal_line_gives_up_at_once_naming_the_service()
    {
        var (code, errors) = await WaitAsync("FATAL:  could not create lock file \"/run/postgresql/.s.PGSQL.5432.lock\": Permission denied", readyAfterAttempts: 1000);

        Assert.Equal(2, code);
        Assert.Contains("could not create lock file", errors, StringComparison.Ordinal);
        Assert.Contains("postgres: not ready after 0s / 30s", errors, StringComparison.Ordinal);
    }

    /// <summary>services_wait on a log holding <paramref name="fatal"/>, with a probe that succeeds on its Nth call.</summary>
    private static async Task<(int Code, string Errors)> WaitAsync(string fatal, int readyAfterAttempts)
    {
        var folder = Directory.CreateTempSubdirectory("services-wait-").FullName;
        try
        {
            var log = Path.Combine(folder, "server.log");
            await File.WriteAllTextAsync(log, $"LOG:  starting PostgreSQL\n{fatal}\n");
            var script = $$"""
                services_log() { echo "services: $*" >&2; }
                source '{{TestPaths.RepositoryRoot / "build" / "services" / "common.sh"}}'
                probe() { n=$(( $(cat '{{folder}}/count' 2> /dev/null || echo 0) + 1 )); echo $n > '{{folder}}/count'; (( n >= {{readyAfterAttempts}} )); }
                services_wait postgres 30 '{{log}}' "" probe
                """;
            var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return (process.ExitCode, await errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
