using TestSupport;
using static BuildTests.LocalHttpServer;

namespace BuildTests.Delivery.Smoke;

/// <summary>When nothing comes back: a refused connection and a timeout are one line each, and every check still runs.</summary>
public sealed class SmokeUnansweredTests
{
    private static ExpectedRelease Expected => FakeService.Served;

    [Fact]
    public async Task A_refused_connection_names_the_url_and_the_error_in_one_line_for_every_check()
    {
        var port = ClosedPort.Find();
        using var suite = new SmokeSuite(Build.ServiceSmokeChecks);

        var report = await suite.RunAsync(new Uri($"http://127.0.0.1:{port}"), Expected, CancellationToken.None);

        Assert.Equal(["live", "ready", "version", "notes"], report.Failures.Select(result => result.Name));
        Assert.Equal($"live: GET http://127.0.0.1:{port}/health/live failed: Connection refused (127.0.0.1:{port})", report.FirstFailure);
        Assert.Equal($"notes: POST http://127.0.0.1:{port}/notes failed: Connection refused (127.0.0.1:{port})", report.Results[3].Line);
    }

    [Fact]
    public async Task A_request_without_an_answer_in_time_fails_after_the_timeout_and_the_other_checks_still_run()
    {
        using var service = new FakeService();
        service.Replace("GET /health/ready", async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), service.Stopping);
            return new Answer(200);
        });
        // Long enough that the requests answered at once are answered in time on a busy machine.
        using var suite = new SmokeSuite(Build.ServiceSmokeChecks, TimeSpan.FromSeconds(1));

        var report = await suite.RunAsync(service.Address, Expected, CancellationToken.None);

        Assert.Equal($"ready: GET {service.Address}health/ready timed out after 1 s without an answer", report.Results[1].Line);
        Assert.InRange(report.Results[1].Duration, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.True(report.Results[3].Passed, report.Results[3].Line);
    }

    [Fact]
    public async Task The_caller_s_cancellation_stops_the_suite_instead_of_counting_as_a_timeout()
    {
        using var service = new FakeService();
        using var cancellation = new CancellationTokenSource();
        service.Replace("GET /health/live", async _ =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), service.Stopping);
            return new Answer(200);
        });
        using var suite = new SmokeSuite(Build.ServiceSmokeChecks);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => suite.RunAsync(service.Address, Expected, cancellation.Token));
    }
}
