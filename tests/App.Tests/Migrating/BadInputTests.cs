using Npgsql;
using TestSupport;

namespace App.Tests.Migrating;

/// <summary>Bad input: one clear line, a non-zero exit, no password in the output, and the database untouched.</summary>
public sealed class BadInputTests : MigrationTest
{
    private const string Password = "n0t-the-Passw0rd";

    [Fact]
    public async Task An_unreachable_database_is_one_line_naming_it()
    {
        var run = await MigrateRun.StartAsync($"postgres://notes:{Password}@127.0.0.1:{ClosedPort.Find()}/notes");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^migrate: cannot connect to Host=127\.0\.0\.1;Port=\d+;Database=notes;Username=notes: .*Connection refused.*; nothing was applied$", run.Errors.Trim());
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_wrong_password_is_one_line_and_never_shown()
    {
        var wrong = new NpgsqlConnectionStringBuilder(Url) { Password = Password }.ConnectionString;

        var run = await MigrateRun.StartAsync(wrong);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^migrate: cannot connect to .*: 28P01: password authentication failed for user ""\w+""; nothing was applied$", run.Errors.Trim());
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Theory]
    [InlineData("mysql://notes:" + Password + "@db.example.com/notes", "migrate: DATABASE_URL is invalid: the scheme 'mysql' is not supported (expected postgres:// or postgresql://).")]
    [InlineData("postgres://notes:" + Password + "@db.example.com:port/notes", "migrate: DATABASE_URL is invalid: it is not a valid URL of the form")]
    public async Task A_malformed_database_url_is_one_line_exit_2_without_the_password(string url, string expected)
    {
        var run = await MigrateRun.StartAsync(url);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Errors.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Errors.Trim().Split('\n'));
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_missing_migrations_folder_is_one_line_exit_2_and_nothing_changes()
    {
        var run = await MigrateRun.StartAsync(Url, "--migrations", "/no/such/migrations");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("migrate: the migrations folder /no/such/migrations does not exist", run.Errors.Trim());
        Assert.Equal(0, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Theory]
    [InlineData("migrate: unknown option '--dry-run'", "--dry-run")]
    [InlineData("migrate: --target 'latest' is not a version such as V3 or 3", "--target", "latest")]
    [InlineData("migrate: --plan, --validate and --check-compatibility exclude each other", "--plan", "--validate")]
    [InlineData("migrate: --report needs a value", "--report")]
    [InlineData("migrate: --check goes with migrate or --plan, not with --validate or --check-compatibility", "--check", "--validate")]
    [InlineData("migrate: --check-lock-timeout '0' is not a whole number of seconds of at least 1", "--check", "--check-lock-timeout", "0")]
    public async Task Bad_options_are_one_line_exit_2(string expected, params string[] args)
    {
        var run = await MigrateRun.StartAsync("postgres://notes@127.0.0.1:1/notes", args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Errors.Trim(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_target_no_script_has_is_one_line_exit_2()
    {
        var run = await MigrateAsync("--target", "7");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("migrate: --target 7: no script has version 7 (versions: 1)", run.Errors.Trim());
    }
}
