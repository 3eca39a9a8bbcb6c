using Npgsql;
using TestSupport;

namespace App.Tests.Migrating;

/// <summary>
/// <c>migrate --check</c>, as the one-off task on AWS runs it: the compatibility check on the database itself, in a
/// transaction that is rolled back, before anything is applied; and what it leaves behind (nothing).
/// </summary>
public sealed class CheckInTransactionTests : MigrationTest
{
    private const string DropBody = "-- the body moves to note_bodies\nALTER TABLE notes ADD COLUMN summary text;\nALTER TABLE notes\n  DROP COLUMN body;\n";

    [PostgresFact]
    public async Task A_column_drop_stops_the_migration_before_anything_is_applied_and_the_catalog_is_exactly_as_before()
    {
        await AtV1WithAsync("V2__drop_body.sql", DropBody);

        var run = await CheckChangingNothingAsync("--check");

        Assert.Equal(1, run.ExitCode);
        var errors = run.Errors.Trim().Split('\n');
        Assert.Equal("migrate: V2__drop_body.sql line 3: drops column public.notes.body, which the serving version may still use", errors[0]);
        Assert.StartsWith("migrate: 1 change(s) would break the version now serving: split the change into expand and contract steps", errors[1], StringComparison.Ordinal);
        Assert.EndsWith("; nothing was applied", errors[1], StringComparison.Ordinal);
        Assert.Contains("checking the 1 pending script(s) against the serving version (V1) in a transaction that is rolled back", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("applied V2", run.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_column_drop_marked_as_a_contract_step_passes_the_check_and_is_applied()
    {
        await AtV1WithAsync("V2__drop_body.sql", "-- migrate:contract\nALTER TABLE notes DROP COLUMN body;\n");

        var run = await MigrateAsync("--check");

        Assert.True(run.ExitCode == 0, run.ToString());
        var output = run.Output;
        var allowed = output.IndexOf("V2__drop_body.sql line 2: drops column public.notes.body, which the serving version may still use (allowed: a contract step)", StringComparison.Ordinal);
        var verdict = output.IndexOf("compatible: only contract steps change what the serving version uses", StringComparison.Ordinal);
        var applied = output.IndexOf("applied V2__drop_body.sql", StringComparison.Ordinal);
        Assert.True(allowed >= 0 && allowed < verdict && verdict < applied, output);
        Assert.Contains("migrated V1 to V2", output, StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'body'"));
    }

    [PostgresFact]
    public async Task The_plan_with_the_check_applies_nothing_when_the_scripts_pass()
    {
        await AtV1WithAsync("V2__add_rating.sql", "ALTER TABLE notes ADD COLUMN rating int;\nCREATE TABLE ratings (id bigint PRIMARY KEY);\n");

        var run = await CheckChangingNothingAsync("--plan", "--check");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("compatible: the pending scripts keep every table and column the serving version uses", run.Output, StringComparison.Ordinal);
        Assert.Contains("nothing applied (plan)", run.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_table_another_session_holds_fails_the_check_fast_with_one_line_and_changes_nothing()
    {
        // The script's own lock_timeout, good practice for the real run, must not let the check wait longer.
        await AtV1WithAsync("V2__drop_body.sql", "SET lock_timeout = 0;\nALTER TABLE notes\n  DROP COLUMN body;\n");
        await using var reader = new NpgsqlConnection(Url);
        await reader.OpenAsync();
        await using var reading = await reader.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE notes IN ACCESS SHARE MODE", reader, reading))
            await hold.ExecuteNonQueryAsync(); // as a long query of the serving version would

        // Had the script's lock_timeout = 0 won, this run would wait for the reader forever instead of giving up.
        var run = await CheckChangingNothingAsync("--check", "--check-lock-timeout", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "migrate: V2__drop_body.sql line 2: the compatibility check could not get a lock within 1s (another session holds one on what the statement changes) "
            + "and gave up rather than make the serving version's queries wait behind it; nothing was applied: run it again once that session is done, "
            + "or allow more with --check-lock-timeout",
            run.Errors.Trim());
        await using (var stillThere = new NpgsqlCommand("SELECT count(*) FROM notes", reader, reading))
            Assert.Equal(0L, await stillThere.ExecuteScalarAsync());
    }

    [PostgresFact]
    public async Task Statements_that_cannot_run_in_a_transaction_are_skipped_and_said_and_the_script_is_then_applied()
    {
        await AtV1WithAsync(
            "V2__index_titles.sql",
            "-- migrate:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS notes_title;\nCREATE INDEX CONCURRENTLY notes_title ON notes (title);\n");

        var run = await MigrateAsync("--check");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(
            "  not checked: V2__index_titles.sql line 2 cannot run in a transaction (DROP INDEX CONCURRENTLY cannot run inside a transaction block); statements like it change no table or column",
            run.Output,
            StringComparison.Ordinal);
        Assert.Contains("  not checked: V2__index_titles.sql line 3 cannot run in a transaction (CREATE INDEX CONCURRENTLY", run.Output, StringComparison.Ordinal);
        Assert.Contains("compatible: the pending scripts keep every table and column the serving version uses", run.Output, StringComparison.Ordinal);
        Assert.Contains("migrated V1 to V2", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, await DatabaseState.ScalarAsync(Url, "SELECT count(*) FROM pg_indexes WHERE indexname = 'notes_title'"));
    }

    [PostgresFact]
    public async Task A_drop_in_a_no_transaction_script_is_still_caught_and_its_COMMIT_does_not_end_the_check()
    {
        await AtV1WithAsync(
            "V2__reshape.sql",
            "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY notes_title ON notes (title);\nBEGIN;\nALTER TABLE notes DROP COLUMN body;\nCOMMIT;\nALTER TABLE notes ADD COLUMN rating int;\n");

        var run = await CheckChangingNothingAsync("--check");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("migrate: V2__reshape.sql line 4: drops column public.notes.body", run.Errors, StringComparison.Ordinal);
        Assert.Contains("  not checked: V2__reshape.sql line 3 controls the transaction, and the check runs everything in its own", run.Output, StringComparison.Ordinal);
        Assert.Contains("  not checked: V2__reshape.sql line 5 controls the transaction", run.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_statement_that_fails_after_a_skipped_one_names_both_and_changes_nothing()
    {
        await AtV1WithAsync("V2__unique_index.sql", "-- migrate:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY notes_title_key ON notes (title);\n");
        Scripts.Add("V3__unique_title.sql", "ALTER TABLE notes ADD CONSTRAINT notes_title_unique UNIQUE USING INDEX notes_title_key;\n");

        var run = await CheckChangingNothingAsync("--check");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "migrate: V3__unique_title.sql line 1 failed in the compatibility check: 42704: index \"notes_title_key\" does not exist; nothing was applied "
            + "(the check skipped V2__unique_index.sql line 2, which cannot run in a transaction: if this statement needs what that makes, apply the scripts before it on their own first with --target)",
            run.Errors.Trim());
    }

    [PostgresFact]
    public async Task A_database_without_a_version_or_with_nothing_pending_skips_the_check_and_says_why()
    {
        var fresh = await MigrateAsync("--check");
        var again = await MigrateAsync("--check");

        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Contains("compatibility check skipped: the database has no version yet, so no version serves against it", fresh.Output, StringComparison.Ordinal);
        Assert.Contains("migrated V0 to V1", fresh.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("compatibility check skipped: nothing pending", again.Output, StringComparison.Ordinal);
    }

    // The service's V1 applied, a pending script added: the database a version serves against, and the next release's script.
    private async Task AtV1WithAsync(string fileName, string sql)
    {
        await MigrateAsync();
        Scripts.Add(fileName, sql);
    }

    // The catalog down to oids, file nodes and history rows: what a check that applies nothing must leave as it was.
    private async Task<MigrateRun> CheckChangingNothingAsync(params string[] args)
    {
        var before = await DatabaseState.CatalogAsync(Url);
        var run = await MigrateAsync(args);
        Assert.Equal(before, await DatabaseState.CatalogAsync(Url));
        return run;
    }
}
