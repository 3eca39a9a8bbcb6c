using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace App.Tests;

/// <summary>
/// The service in memory with exactly the given settings: everything the service reads is blanked first,
/// so variables in the test runner's environment (DATABASE_URL, APP_VERSION, ...) cannot leak in.
/// </summary>
public class AppFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private static readonly string[] ServiceSettings =
    [
        "DATABASE_URL", "DATABASE_HOST", "ConnectionStrings:Default", "APP_VERSION", "APP_COMMIT", "APP_COLOR",
        "ENABLE_TEST_ENDPOINTS", "SHUTDOWN_TIMEOUT_SECONDS", "APP_FAULT",
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var effective = ServiceSettings.ToDictionary(key => key, _ => (string?)string.Empty);
        foreach (var (key, value) in settings)
        {
            effective[key] = value;
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(effective));
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
