using App.Migrating.Compatibility;
using TestSupport;

namespace App.Tests.Migrating;

/// <summary>
/// <c>migrate --check-compatibility</c>, run (as MigrateDb does) against a throwaway copy of the database: changes
/// that break the version now serving are reported with file and line, unless the script is a contract step.
/// </summary>
public sealed class CompatibilityCheckTests : MigrationTest
{
    [PostgresFact]
    public async Task A_column_drop_is_stopped_with_file_line_and_what_breaks()
    {
        await MigrateAsync();
        Scripts.Add("V2__drop_body.sql", "-- the body moves to note_bodies\nALTER TABLE notes ADD COLUMN summary text;\nALTER TABLE notes\n  DROP COLUMN body;\n");

        var run = await CheckAsync();

        Assert.Equal(1, run.ExitCode);
        var lines = run.Errors.Trim().Split('\n');
        Assert.Equal("migrate: V2__drop_body.sql line 3: drops column public.notes.body, which the serving version may still use", lines[0]);
        Assert.StartsWith("migrate: 1 change(s) would break the version now serving: split the change into expand and contract steps", lines[1], StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_column_drop_marked_as_a_contract_step_passes_and_is_listed_as_allowed()
    {
        await MigrateAsync();
        Scripts.Add("V2__drop_body.sql", "-- migrate:contract\nALTER TABLE notes DROP COLUMN body;\n");

        var run = await CheckAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("V2__drop_body.sql line 2: drops column public.notes.body, which the serving version may still use (allowed: a contract step)", run.Output, StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("ALTER TABLE notes RENAME COLUMN title TO heading", "renames column public.notes.title to heading")]
    [InlineData("ALTER TABLE notes RENAME TO memos", "renames table public.notes to public.memos")]
    [InlineData("DROP TABLE notes", "drops table public.notes")]
    [InlineData("ALTER TABLE notes ALTER COLUMN title TYPE text, ALTER COLUMN id TYPE integer", "changes the type of public.notes.id from bigint to integer")]
    [InlineData("ALTER TABLE notes ADD COLUMN owner text NOT NULL", "adds column public.notes.owner NOT NULL without a default")]
    [InlineData("ALTER TABLE notes ALTER COLUMN body DROP DEFAULT", "makes public.notes.body NOT NULL without a default")]
    public async Task Each_kind_of_breaking_change_is_named(string statement, string expected)
    {
        await MigrateAsync();
        Scripts.Add("V2__change.sql", statement + ";");

        var run = await CheckAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"migrate: V2__change.sql line 1: {expected}", run.Errors, StringComparison.Ordinal);
        Assert.Equal(2, run.Errors.Trim().Split('\n').Length);
    }

    [PostgresTheory]
    [InlineData("ALTER TABLE notes ADD COLUMN tags text[] NOT NULL DEFAULT '{}'")]
    [InlineData("ALTER TABLE notes ADD COLUMN rating int")]
    [InlineData("ALTER TABLE notes ALTER COLUMN title TYPE varchar(500)")]
    [InlineData("CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL)")]
    [InlineData("ALTER TABLE notes RENAME COLUMN title TO heading; ALTER TABLE notes RENAME COLUMN heading TO title")]
    public async Task Expand_steps_pass(string statements)
    {
        await MigrateAsync();
        Scripts.Add("V2__expand.sql", statements + ";");

        var run = await CheckAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("compatible: the pending scripts keep every table and column the serving version uses", run.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task The_expand_and_contract_pair_of_the_readme_passes_only_with_the_contract_marker()
    {
        Scripts.Add("V2__add_owner.sql", "-- V2__add_owner.sql (release N, expand)\n-- Release N writes owner on every insert.\nALTER TABLE notes ADD COLUMN owner text;\n");
        var expand = await CheckAsync();
        await MigrateAsync();
        const string Contract = "UPDATE notes SET owner = 'unknown' WHERE owner IS NULL;\nALTER TABLE notes ALTER COLUMN owner SET NOT NULL;\n";
        Scripts.Add("V3__require_owner.sql", "-- V3__require_owner.sql (release N+1, contract)\n-- no marker yet\n" + Contract);
        var unmarked = await CheckAsync();
        Scripts.Add("V3__require_owner.sql", "-- V3__require_owner.sql (release N+1, contract)\n-- migrate:contract\n" + Contract);
        var marked = await CheckAsync();

        Assert.True(expand.ExitCode == 0, expand.ToString());
        Assert.Equal(1, unmarked.ExitCode);
        Assert.StartsWith(
            "migrate: V3__require_owner.sql line 4: makes public.notes.owner NOT NULL without a default, so the serving version's inserts that leave it out fail",
            unmarked.Errors,
            StringComparison.Ordinal);
        Assert.True(marked.ExitCode == 0, marked.ToString());
    }

    [PostgresFact]
    public async Task The_check_refuses_a_database_that_is_no_throwaway_copy()
    {
        await MigrateAsync();
        Scripts.Add("V2__drop_body.sql", "ALTER TABLE notes DROP COLUMN body;");
        var before = await StateAsync();

        var run = await MigrateAsync("--check-compatibility");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("migrate: --check-compatibility applies the pending scripts, so it runs only on a throwaway copy", run.Errors, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    private async Task<MigrateRun> CheckAsync() =>
        await MigrateRun.StartAsync(await Database.CopyAsync(CompatibilityCheck.ThrowawayPrefix), "--migrations", Scripts.Path, "--check-compatibility");
}
