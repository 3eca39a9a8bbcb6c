using System.Net;
using App.Hosting;
using TestSupport;

namespace App.Tests;

/// <summary>SIGTERM lets a request that is in flight finish, and the process exits cleanly, logging that it stopped.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_lets_the_in_flight_request_finish_and_exits_with_0()
    {
        using var guard = HangGuard.Start();
        await using var app = await ServiceProcess.StartListeningAsync(new Dictionary<string, string>
        {
            [ShutdownProbeEndpoint.Switch] = "true",
            [ShutdownTimeout.Variable] = "30",
        });
        using var client = new HttpClient { BaseAddress = app.Address };

        var inFlight = client.GetAsync(new Uri(ShutdownProbeEndpoint.Path, UriKind.Relative), guard.Token);
        await app.WaitForLogAsync("App.Hosting.ShutdownProbe", 100, guard.Token);
        await app.TerminateAsync(guard.Token);
        await app.WaitForLogAsync("App.Lifecycle", 2, guard.Token);
        var response = await inFlight;
        await app.WaitForLogAsync("App.Lifecycle", 3, guard.Token);
        await app.WaitForExitAsync(guard.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ShutdownProbeEndpoint.Completed, await response.Content.ReadAsStringAsync(guard.Token));
        Assert.True(app.ExitCode == 0, $"exit code {app.ExitCode}:\n{app.Output}");
    }
}
