using System.Text.Json;
using TestSupport;

namespace BuildTests.Database;

/// <summary>./build.sh MigrateDb against a real PostgreSQL: backup, migration, record; and the compatibility check.</summary>
public sealed class MigrateDbTests : DatabaseBuildTest
{
    [PostgresFact]
    public async Task MigrateDb_backs_up_migrates_and_records_it_and_a_second_run_does_nothing()
    {
        Scripts.Add("V2__add_tags.sql", "ALTER TABLE notes ADD COLUMN tags text[] NOT NULL DEFAULT '{}';");

        var (code, output) = await RunAsync("MigrateDb", null, "--environment", "local");
        var record = await RecordAsync();
        var (secondCode, secondOutput) = await RunAsync("MigrateDb", null, "--environment", "local");

        Assert.True(code == 0, output);
        Assert.Equal("migrated", record.GetProperty("outcome").GetString());
        Assert.Equal(0, record.GetProperty("versionBefore").GetInt64());
        Assert.Equal(2, record.GetProperty("versionAfter").GetInt64());
        Assert.Equal(2, record.GetProperty("applied").GetArrayLength());
        Assert.True(record.GetProperty("durationsMs").GetProperty("migrate").GetInt64() > 0);
        var backup = Assert.Single(BackupNames());
        Assert.Equal(backup, record.GetProperty("backup").GetString());
        Assert.Matches($"^{Database.Name}-\\d{{8}}T\\d{{6}}\\.\\d{{3}}Z-v0$", backup);
        Assert.True(File.Exists(Path.Combine(Artifacts, "backups", backup + ".json")));
        Assert.Equal(2, await DatabaseState.ScalarAsync(Database.ConnectionString, "SELECT max(version) FROM schema_history"));

        Assert.True(secondCode == 0, secondOutput);
        Assert.Matches(@"MigrateDb\s+Succeeded\s+.*up to date at V2", secondOutput);
        Assert.Single(BackupNames());
        Assert.Equal("up to date", (await RecordAsync()).GetProperty("outcome").GetString());
    }

    [PostgresFact]
    public async Task Skipping_the_backup_takes_the_parameter_and_is_recorded()
    {
        var (code, output) = await RunAsync("MigrateDb", null, "--skip-backup");

        Assert.True(code == 0, output);
        Assert.Contains("Backup skipped (--skip-backup).", output, StringComparison.Ordinal);
        Assert.Empty(BackupNames());
        Assert.Equal(JsonValueKind.Null, (await RecordAsync()).GetProperty("backup").ValueKind);
    }

    [PostgresFact]
    public async Task A_dry_run_lists_the_pending_scripts_and_changes_nothing()
    {
        await RunAsync("MigrateDb", null, "--skip-backup");
        Scripts.Add("V2__add_tags.sql", "ALTER TABLE notes ADD COLUMN tags text;");
        var before = await DatabaseState.ReadAsync(Database.ConnectionString);
        File.Delete(Path.Combine(Artifacts, "migration.json"));

        var (code, output) = await RunAsync("MigrateDb", null, "--dry-run");

        Assert.True(code == 0, output);
        Assert.Contains("would apply V2__add_tags.sql", output, StringComparison.Ordinal);
        Assert.Matches(@"MigrateDb\s+Succeeded\s+.*dry run: nothing applied at V1", output);
        Assert.Equal(before, await DatabaseState.ReadAsync(Database.ConnectionString));
        Assert.Empty(BackupNames());
        Assert.False(File.Exists(Path.Combine(Artifacts, "migration.json")));
    }

    [PostgresFact]
    public async Task The_compatibility_check_stops_a_column_drop_before_the_backup_and_passes_it_as_a_contract_step()
    {
        await RunAsync("MigrateDb", null, "--skip-backup");
        Scripts.Add("V2__drop_body.sql", "ALTER TABLE notes\n  DROP COLUMN body;\n");
        var before = await DatabaseState.ReadAsync(Database.ConnectionString);

        var (code, output) = await RunAsync("MigrateDb");

        Assert.Equal(1, code);
        Assert.Contains("MigrateDb failed: V2__drop_body.sql line 1: drops column public.notes.body, which the serving version may still use", output, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseState.ReadAsync(Database.ConnectionString));
        Assert.Empty(BackupNames());
        Assert.Equal(0, await DatabaseState.ScalarAsync(Database.ConnectionString, "SELECT count(*) FROM pg_database WHERE datname LIKE 'migrate_check_%'"));

        Scripts.Add("V2__drop_body.sql", "-- migrate:contract\nALTER TABLE notes\n  DROP COLUMN body;\n");
        var (contractCode, contractOutput) = await RunAsync("MigrateDb");

        Assert.True(contractCode == 0, contractOutput);
        Assert.Contains("V2__drop_body.sql line 2: drops column public.notes.body, which the serving version may still use (allowed: a contract step)", contractOutput, StringComparison.Ordinal);
        Assert.Equal(2, await DatabaseState.ScalarAsync(Database.ConnectionString, "SELECT max(version) FROM schema_history"));
    }

    [PostgresFact]
    public async Task A_failing_script_is_named_the_database_stays_as_it_was_and_the_record_keeps_the_backup()
    {
        await RunAsync("MigrateDb", null, "--skip-backup");
        var before = await DatabaseState.ReadAsync(Database.ConnectionString);
        // Fails only with rows present, so the check on the empty schema copy passes and the real migration fails.
        await DatabaseState.ExecuteAsync(Database.ConnectionString, "INSERT INTO notes (title) VALUES ('a'), ('a')");
        Scripts.Add("V2__unique_titles.sql", "CREATE UNIQUE INDEX notes_title_key ON notes (title);");

        var (code, output) = await RunAsync("MigrateDb");
        var record = await RecordAsync();

        Assert.Equal(1, code);
        Assert.Contains("MigrateDb failed: V2__unique_titles.sql line 1 failed: 23505: could not create unique index \"notes_title_key\"", output, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseState.ReadAsync(Database.ConnectionString));
        Assert.Equal("failed", record.GetProperty("outcome").GetString());
        Assert.Equal(Assert.Single(BackupNames()), record.GetProperty("backup").GetString());
    }

    private async Task<JsonElement> RecordAsync() =>
        JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Artifacts, "migration.json"))).RootElement;
}
