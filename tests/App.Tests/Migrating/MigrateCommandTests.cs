using TestSupport;

namespace App.Tests.Migrating;

/// <summary>The migrate command against a real PostgreSQL: what it applies, what it refuses, and what it leaves behind.</summary>
public sealed class MigrateCommandTests : MigrationTest
{
    private const string AddTags = "ALTER TABLE notes ADD COLUMN tags text[] NOT NULL DEFAULT '{}';\n";

    [PostgresFact]
    public async Task A_fresh_database_gets_every_script_and_a_rerun_applies_nothing()
    {
        Scripts.Add("V2__add_tags.sql", AddTags);

        var first = await MigrateAsync();
        var state = await StateAsync();
        var second = await MigrateAsync();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("migrated V0 to V2", first.Output, StringComparison.Ordinal);
        Assert.Equal(["1 V1__create_notes.sql script", "2 V2__add_tags.sql script"], (await DatabaseState.HistoryAsync(Url)).Select(Trimmed));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("up to date at V2", second.Output, StringComparison.Ordinal);
        Assert.Equal(state, await StateAsync());
    }

    [PostgresFact]
    public async Task History_rows_hold_checksum_duration_and_who_applied_them()
    {
        await MigrateAsync();

        var appliedBy = await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM schema_history WHERE applied_by LIKE current_user || ' (%@%)' AND duration_ms >= 0 AND applied_at <= now() AND length(checksum) = 64");

        Assert.Equal(1, appliedBy);
    }

    [PostgresFact]
    public async Task A_failing_script_leaves_schema_and_history_as_before_and_names_the_script_and_the_error()
    {
        Scripts.Add("V2__add_tags.sql", AddTags);
        await MigrateAsync();
        var before = await StateAsync();
        Scripts.Add("V3__half_done.sql", "ALTER TABLE notes ADD COLUMN rating int;\nCREATE TABLE ratings (id int);\nALTER TABLE notes\n  ADD COLUMN broken no_such_type;\n");

        var run = await MigrateAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "migrate: V3__half_done.sql line 4 failed: 42704: type \"no_such_type\" does not exist; V3 was rolled back and left no trace; the database is at V2",
            run.Errors.Trim());
        Assert.Equal(before, await StateAsync());
    }

    [PostgresFact]
    public async Task After_a_failure_the_fixed_script_applies_on_the_next_run()
    {
        Scripts.Add("V2__rating.sql", "ALTER TABLE notes ADD COLUMN rating no_such_type;");
        Assert.Equal(1, (await MigrateAsync()).ExitCode);

        Scripts.Add("V2__rating.sql", "ALTER TABLE notes ADD COLUMN rating int;");
        var run = await MigrateAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("migrated V1 to V2", run.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Two_migrators_at_once_apply_each_script_once_and_the_second_waits_for_the_lock()
    {
        Scripts.Add("V2__slow.sql", "SELECT pg_sleep(3);\nALTER TABLE notes ADD COLUMN rating int;\n");

        var first = MigrateAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = await MigrateAsync();
        var firstRun = await first;

        Assert.True(firstRun.ExitCode == 0, firstRun.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"waiting for the migration lock held by pid \d+ since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(App migrate", second.Output);
        Assert.Contains("up to date at V2", second.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await DatabaseState.HistoryAsync(Url)).Count);
    }

    [PostgresFact]
    public async Task Waiting_for_the_lock_gives_up_after_the_timeout_without_applying_anything()
    {
        Scripts.Add("V2__slow.sql", "SELECT pg_sleep(6);");
        var first = MigrateAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var second = await MigrateAsync("--lock-timeout", "1");
        await first;

        Assert.Equal(1, second.ExitCode);
        Assert.Matches(@"migrate: gave up after 1s waiting for the migration lock held by pid \d+ since .*; nothing was applied", second.Errors);
    }

    [PostgresFact]
    public async Task Plan_lists_the_pending_scripts_and_changes_nothing()
    {
        Scripts.Add("V2__add_tags.sql", AddTags).Add("V3__index.sql", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY notes_title_idx ON notes (title);\n");
        await MigrateAsync("--target", "V1");
        var before = await StateAsync();

        var run = await MigrateAsync("--plan");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("at V1, 2 pending up to V3", run.Output, StringComparison.Ordinal);
        Assert.Contains("would apply V2__add_tags.sql", run.Output, StringComparison.Ordinal);
        Assert.Contains("would apply V3__index.sql (no transaction)", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    [PostgresFact]
    public async Task Plan_on_a_fresh_database_does_not_even_create_the_history_table()
    {
        var run = await MigrateAsync("--plan");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [PostgresFact]
    public async Task Target_stops_at_the_given_version()
    {
        Scripts.Add("V2__add_tags.sql", AddTags).Add("V3__rating.sql", "ALTER TABLE notes ADD COLUMN rating int;");

        var run = await MigrateAsync("--target", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, await DatabaseState.ScalarAsync(Url, "SELECT max(version) FROM schema_history"));
    }

    [PostgresFact]
    public async Task A_no_transaction_script_can_create_an_index_concurrently()
    {
        Scripts.Add("V2__title_index.sql", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS notes_title_idx ON notes (title);\n");

        var run = await MigrateAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM pg_indexes WHERE indexname = 'notes_title_idx'"));
    }

    [PostgresFact]
    public async Task A_database_the_old_start_up_code_created_is_recorded_as_a_baseline_with_its_rows_kept()
    {
        var v1 = await File.ReadAllTextAsync(Path.Combine(Scripts.Path, "V1__create_notes.sql"));
        await DatabaseState.ExecuteAsync(Url, v1 + "; INSERT INTO notes (title) VALUES ('from before migrations')");
        Scripts.Add("V2__add_tags.sql", AddTags);

        var run = await MigrateAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("recorded baseline V1", run.Output, StringComparison.Ordinal);
        Assert.Equal(["1 V1__create_notes.sql baseline", "2 V2__add_tags.sql script"], (await DatabaseState.HistoryAsync(Url)).Select(Trimmed));
        Assert.Equal(1, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM notes WHERE title = 'from before migrations'"));
    }

    [PostgresFact]
    public async Task Without_migrations_option_the_scripts_built_into_the_service_are_applied()
    {
        var run = await MigrateRun.StartAsync(Url);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("applied V1__create_notes.sql", run.Output, StringComparison.Ordinal);
    }

    // The history rows without the checksum, which the tests do not spell out.
    private static string Trimmed(string row) => row[..row.LastIndexOf(' ')];
}
