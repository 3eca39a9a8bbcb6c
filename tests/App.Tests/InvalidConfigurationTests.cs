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

    [Theory]
    [InlineData("postgres://notes:topsecret@db.example.com/notes", "scratch.example:0", "Invalid configuration: DATABASE_HOST is invalid: the port is not a number from 1 to 65535.")]
    [InlineData(null, "scratch.example", "Invalid configuration: DATABASE_HOST is set, but neither DATABASE_URL nor ConnectionStrings__Default is")]
    public async Task Invalid_or_lone_database_host_exits_with_2_and_says_so(string? databaseUrl, string databaseHost, string expected)
    {
        using var guard = HangGuard.Start();
        var environment = new Dictionary<string, string> { ["DATABASE_HOST"] = databaseHost };
        if (databaseUrl is not null)
        {
            environment["DATABASE_URL"] = databaseUrl;
        }

        await using var app = ServiceProcess.Start(environment);

        await app.WaitForExitAsync(guard.Token);

        Assert.Equal(2, app.ExitCode);
        Assert.Contains(expected, app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", app.Output, StringComparison.Ordinal);
    }
}
