using App.Migrating;
using TestSupport;
using Xunit.Abstractions;

namespace BuildTests.Delivery.Smoke;

/// <summary>
/// The smoke suite against the real service on Kestrel: on a migrated PostgreSQL database every check passes (and the
/// round trip leaves one recognisable note); with its database down, the checks that need it say why.
/// </summary>
public sealed class SmokeServiceTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const string Version = "1.4.0";
    private const string Commit = "3f2a1b2c3d4e5f60718293a4b5c6d7e8f9012345";
    private static readonly ExpectedRelease Expected = new(Version, Commit[..12], Color.Green);

    [PostgresFact]
    public async Task Every_check_passes_against_the_service_on_its_migrated_database_and_one_note_is_left()
    {
        await new Migrator(database.ConnectionString, database.Name, ScriptSet.Load(ScriptSource.Embedded()), TextWriter.Null)
            .RunAsync(MigrateMode.Migrate, null, CancellationToken.None);
        await using var service = await StartAsync(database.Url);
        using var suite = new SmokeSuite(Build.ServiceSmokeChecks);

        var report = await suite.RunAsync(service.Address, Expected, CancellationToken.None);
        Show(report);

        Assert.True(report.Passed, string.Join('\n', report.Lines) + "\n" + service.Output);
        Assert.Equal(1, await DatabaseState.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM notes WHERE title LIKE 'smoke-test %'"));
        var wrongColor = await suite.FailureAsync(service.Address, Expected with { Color = Color.Blue }, CancellationToken.None);
        Assert.Equal($"version: GET {service.Address}version returned 200 {{\"version\":\"{Version}\",\"commit\":\"{Commit}\",\"color\":\"green\"}}: expected color blue, got green", wrongColor);
    }

    [Fact]
    public async Task With_the_database_down_ready_gives_the_service_s_reason_and_the_round_trip_fails()
    {
        await using var service = await StartAsync($"postgres://app:secret@127.0.0.1:{ClosedPort.Find()}/app");
        using var suite = new SmokeSuite(Build.ServiceSmokeChecks);

        var report = await suite.RunAsync(service.Address, Expected, CancellationToken.None);
        Show(report);

        Assert.Equal(["ready", "notes"], report.Failures.Select(result => result.Name));
        Assert.StartsWith($"ready: GET {service.Address}health/ready returned 503, reason \"database: ", report.FirstFailure, StringComparison.Ordinal);
        Assert.StartsWith($"notes: POST {service.Address}notes returned 503 ", report.Results[3].Line, StringComparison.Ordinal);
        Assert.All(report.Lines, line => Assert.DoesNotContain('\n', line));
    }

    private void Show(SmokeReport report)
    {
        foreach (var line in report.Lines.Append(report.Summary))
            output.WriteLine(line);
    }

    private static Task<ServiceProcess> StartAsync(string databaseUrl) => ServiceProcess.StartListeningAsync(new Dictionary<string, string>
    {
        ["DATABASE_URL"] = databaseUrl,
        ["APP_VERSION"] = Version,
        ["APP_COMMIT"] = Commit,
        ["APP_COLOR"] = "green",
    });
}
