using TestSupport;

namespace App.Tests;

/// <summary>A misconfigured deployment stops at once with one line an operator can act on, and no password in it.</summary>
public sealed class InvalidConfigurationTests
{
    [Fact]
    public async Task Invalid_database_url_exits_with_2_and_names_the_problem()
    {
        using var guard = HangGuard.Start();
        await using var app = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "mysql://notes:topsecret@db.example.com/notes",
        });

        await app.WaitForExitAsync(guard.Token);

        Assert.Equal(2, app.ExitCode);
        Assert.Contains("Invalid configuration: DATABASE_URL is invalid: the scheme 'mysql' is not supported", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", app.Output, StringComparison.Ordinal);
    }
}
