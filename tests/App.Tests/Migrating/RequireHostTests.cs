using Npgsql;
using TestSupport;

namespace App.Tests.Migrating;

/// <summary>
/// What a recovery drill relies on: <c>migrate --require-host</c> connects only to the host it names, so a release
/// that ignored DATABASE_HOST would stop before touching the live database the secret's DATABASE_URL names.
/// </summary>
public sealed class RequireHostTests : MigrationTest
{
    private const string Password = "n0t-the-Passw0rd";

    [Fact]
    public async Task Another_host_is_refused_in_one_line_before_any_connection()
    {
        // Nothing listens there: had the migrator tried to connect, it would say "cannot connect" and exit with 1.
        var port = ClosedPort.Find();

        var run = await MigrateRun.StartAsync($"postgres://notes:{Password}@127.0.0.1:{port}/notes", "--check", "--require-host", "scratch.example");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"migrate: the database is Host=127.0.0.1;Port={port};Database=notes;Username=notes, not on --require-host scratch.example: refused before connecting; nothing was applied",
            run.Errors.Trim());
        Assert.Equal("", run.Output);
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_port_is_refused_when_the_required_host_names_one()
    {
        var port = ClosedPort.Find();

        var run = await MigrateRun.StartAsync($"postgres://notes@127.0.0.1:{port}/notes", "--require-host", $"127.0.0.1:{port + 1}");

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith($"not on --require-host 127.0.0.1:{port + 1}: refused before connecting; nothing was applied", run.Errors.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matching_host_from_database_host_goes_on_to_connect_and_names_the_effective_host()
    {
        var port = ClosedPort.Find();
        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgres://notes:{Password}@live.invalid:5432/notes",
            ["DATABASE_HOST"] = $"127.0.0.1:{port}",
        };

        var run = await MigrateRun.StartAsync(environment, "--require-host", $"127.0.0.1:{port}");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(
            $"migrate: cannot connect to Host=127.0.0.1;Port={port};Database=notes;Username=notes (host from DATABASE_HOST): ",
            run.Errors.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate: --require-host needs a value", "--require-host")]
    [InlineData("migrate: --require-host is invalid: the port is not a number from 1 to 65535", "--require-host", "scratch.example:70000")]
    [InlineData("migrate: --require-host is invalid: it is a URL; give only host or host:port", "--require-host", "postgres://notes:" + Password + "@scratch.example/notes")]
    [InlineData("migrate: --require-host is invalid: an IPv6 address goes in brackets, as [::1] or [::1]:5432", "--require-host", "::1")]
    public async Task A_bad_required_host_is_one_line_exit_2(string expected, params string[] args)
    {
        var run = await MigrateRun.StartAsync("postgres://notes@127.0.0.1:1/notes", args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Errors.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Errors.Trim().Split('\n'));
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_usage_names_the_option()
    {
        var run = await MigrateRun.StartAsync("postgres://notes@127.0.0.1:1/notes", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[--require-host <host[:port]>]", run.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_release_that_ignored_database_host_leaves_the_live_database_untouched()
    {
        // The test database plays the live one: DATABASE_URL names it and nothing redirects it.
        var run = await MigrateAsync("--check", "--require-host", "scratch.invalid");

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("not on --require-host scratch.invalid: refused before connecting; nothing was applied", run.Errors.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [PostgresFact]
    public async Task The_drill_migrates_the_database_host_names_when_it_is_the_required_one()
    {
        // DATABASE_URL as the secret holds it, naming a live host that is not reachable here; DATABASE_HOST and
        // --require-host name the test server, which plays the scratch instance.
        var server = new NpgsqlConnectionStringBuilder(Url);
        var scratch = $"{server.Host}:{server.Port}";
        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = new NpgsqlConnectionStringBuilder(Url) { Host = "live.invalid", Port = 5432 }.ConnectionString,
            ["DATABASE_HOST"] = scratch,
        };

        var run = await MigrateRun.StartAsync(environment, "--migrations", Scripts.Path, "--check", "--require-host", scratch);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Host={server.Host};Port={server.Port};Database={server.Database};Username={server.Username} (host from DATABASE_HOST): at V0", run.Output, StringComparison.Ordinal);
        Assert.Contains("migrated V0 to V1", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password!, run.All, StringComparison.Ordinal);
    }
}
