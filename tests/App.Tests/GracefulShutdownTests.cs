using System.Net;
using App.Hosting;

namespace App.Tests;

/// <summary>SIGTERM lets a request that is in flight finish, and the process exits cleanly, logging that it stopped.</summary>
public sealed class GracefulShutdownTests
{
    // A guard against hanging the test run if shutdown is broken; nothing is asserted about how long it takes.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Sigterm_lets_the_in_flight_request_finish_and_exits_with_0()
    {
        using var guard = new CancellationTokenSource(Guard);
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            [ShutdownProbeEndpoint.Switch] = "true",
            [ShutdownTimeout.Variable] = "30",
        });
        var listening = await app.WaitForLogAsync("Microsoft.Hosting.Lifetime", 14, guard.Token);
        using var client = new HttpClient { BaseAddress = new Uri(listening.GetProperty("State").GetProperty("address").GetString()!) };

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
