using TestSupport;

namespace BuildTests.Database;

/// <summary>Bad input to MigrateDb and RestoreDb: one clear line, a non-zero exit, no password shown, nothing changed.</summary>
public sealed class BadInputTests : DatabaseBuildTest
{
    private const string Password = "Not-The-Passw0rd";

    [PostgresFact]
    public async Task An_unreachable_database_is_one_line_naming_it_without_the_password()
    {
        var (code, output) = await RunAsync("MigrateDb", $"postgres://notes:{Password}@127.0.0.1:{ClosedPort.Find()}/notes");

        Assert.Equal(1, code);
        Assert.Matches(@"MigrateDb failed: cannot connect to Host=127\.0\.0\.1;Port=\d+;Database=notes;Username=notes: .*Connection refused.*; nothing was applied", output);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.Empty(BackupNames());
    }

    [PostgresFact]
    public async Task A_wrong_password_is_one_line_and_never_shown()
    {
        var wrong = Database.Url.Replace(new Uri(Database.Url).UserInfo, "postgres:" + Password, StringComparison.Ordinal);

        var (code, output) = await RunAsync("MigrateDb", wrong);

        Assert.Equal(1, code);
        Assert.Contains("password authentication failed for user \"postgres\"; nothing was applied", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseState.ScalarAsync(Database.ConnectionString, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Theory]
    [InlineData("mysql://notes:" + Password + "@db.example.com/notes", "DATABASE_URL is invalid: the scheme 'mysql' is not supported (expected postgres:// or postgresql://).")]
    [InlineData("postgres://notes:" + Password + "@db.example.com:port/notes", "DATABASE_URL is invalid: it is not a URL of the form postgres://user:password@host:port/database")]
    [InlineData("Host=db.example.com;Password=" + Password, "DATABASE_URL is invalid: it must name the database and the user")]
    [InlineData("postgres://notes:" + Password + "@db.example.com/notes?sslmode=sometimes", "DATABASE_URL is invalid: sslmode 'sometimes' is not one of")]
    public async Task A_malformed_database_url_is_one_line_without_the_password(string url, string expected)
    {
        var (code, output) = await RunAsync("MigrateDb", url);

        Assert.Equal(1, code);
        Assert.Contains("MigrateDb failed: " + expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Artifacts) && Directory.GetFileSystemEntries(Artifacts).Length > 0, "nothing may be written");
    }

    [PostgresFact]
    public async Task A_missing_migrations_folder_is_one_line()
    {
        var (code, output) = await RunAsync("MigrateDb", null, "--migrations-directory", "no/such/folder");

        Assert.Equal(1, code);
        Assert.Contains("MigrateDb failed: The migrations folder ", output, StringComparison.Ordinal);
        Assert.Contains("no/such/folder does not exist", output, StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseState.ScalarAsync(Database.ConnectionString, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }
}
