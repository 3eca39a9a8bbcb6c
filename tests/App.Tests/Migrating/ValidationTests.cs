using TestSupport;

namespace App.Tests.Migrating;

/// <summary>Scripts that disagree with the history, or with each other, stop everything before a statement runs, naming the file.</summary>
public sealed class ValidationTests : MigrationTest
{
    [PostgresFact]
    public async Task An_applied_script_that_was_edited_fails_validation_and_nothing_runs()
    {
        Scripts.Add("V2__rating.sql", "ALTER TABLE notes ADD COLUMN rating int;\n");
        await MigrateAsync();
        Scripts.Add("V2__rating.sql", "ALTER TABLE notes ADD COLUMN rating bigint;\n").Add("V3__tags.sql", "ALTER TABLE notes ADD COLUMN tags text;");
        var before = await StateAsync();

        var migrate = await MigrateAsync();
        var validate = await MigrateAsync("--validate");

        Assert.Equal(1, migrate.ExitCode);
        Assert.Matches(@"^migrate: V2__rating\.sql: changed since it was applied on .* \(checksum [0-9a-f]{12}… is now [0-9a-f]{12}…\); undo the edit and put the change in a new script$", migrate.Errors.Trim());
        Assert.Equal(1, validate.ExitCode);
        Assert.Equal(migrate.Errors, validate.Errors);
        Assert.Equal(before, await StateAsync());
    }

    [PostgresFact]
    public async Task Line_endings_alone_are_not_an_edit()
    {
        Scripts.Add("V2__rating.sql", "ALTER TABLE notes\nADD COLUMN rating int;\n");
        await MigrateAsync();
        Scripts.Add("V2__rating.sql", "ALTER TABLE notes\r\nADD COLUMN rating int;\r\n");

        var run = await MigrateAsync("--validate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("valid: 2 script(s) agree with the history", run.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task An_applied_script_that_is_missing_fails_validation()
    {
        Scripts.Add("V2__rating.sql", "ALTER TABLE notes ADD COLUMN rating int;").Add("V3__tags.sql", "ALTER TABLE notes ADD COLUMN tags text;");
        await MigrateAsync();
        Scripts.Remove("V2__rating.sql");

        var run = await MigrateAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^migrate: V2__rating\.sql: applied on .* but missing from the migrations; put the file back as it was$", run.Errors.Trim());
    }

    [PostgresFact]
    public async Task A_new_script_numbered_below_an_applied_one_fails_validation()
    {
        Scripts.Add("V3__tags.sql", "ALTER TABLE notes ADD COLUMN tags text;");
        await MigrateAsync();
        Scripts.Add("V2__rating.sql", "ALTER TABLE notes ADD COLUMN rating int;");

        var run = await MigrateAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("migrate: V2__rating.sql: not applied, but the database already has V3; give it a version above 3", run.Errors.Trim());
    }

    [PostgresFact]
    public async Task Scripts_of_a_newer_service_version_in_the_history_do_not_fail_an_older_one()
    {
        Scripts.Add("V2__rating.sql", "ALTER TABLE notes ADD COLUMN rating int;");
        await MigrateAsync();
        Scripts.Remove("V2__rating.sql");

        var run = await MigrateAsync("--validate");

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [PostgresTheory]
    [InlineData("V2__same.sql", "V2__again.sql", "migrate: V2__again.sql and V2__same.sql: two files with version 2; give one of them the next free version")]
    [InlineData("V2_one_underscore.sql", null, "migrate: V2_one_underscore.sql: the name does not match V<version>__<description>.sql")]
    [InlineData("v2__lower.sql", null, "migrate: v2__lower.sql: the name does not match")]
    [InlineData("V2__.sql", null, "migrate: V2__.sql: the name does not match")]
    public async Task Badly_named_files_stop_everything_before_a_connection_is_used(string file, string? second, string expected)
    {
        Scripts.Add(file, "ALTER TABLE notes ADD COLUMN rating int;");
        if (second is not null)
            Scripts.Add(second, "ALTER TABLE notes ADD COLUMN tags text;");

        var run = await MigrateAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(expected, run.Errors.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [PostgresFact]
    public async Task A_misspelt_marker_is_an_error_naming_the_file_and_line()
    {
        Scripts.Add("V2__index.sql", "-- index without blocking writes\n-- migrate:no-transactions\nCREATE INDEX CONCURRENTLY i ON notes (title);");

        var run = await MigrateAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("migrate: V2__index.sql line 2: unknown marker 'migrate:no-transactions'", run.Errors.Trim(), StringComparison.Ordinal);
    }
}
