using TestSupport;

namespace BuildTests.Database;

/// <summary>./build.sh RestoreDb: a backup MigrateDb took comes back exactly, and nothing else is accepted as a backup.</summary>
public sealed class RestoreDbTests : DatabaseBuildTest
{
    private const string Rows = "SELECT string_agg(id || ':' || title || ':' || body, ',' ORDER BY id) FROM notes";

    [PostgresFact]
    public async Task A_backup_restored_gives_back_the_same_rows_and_schema()
    {
        await RunAsync("MigrateDb", null, "--skip-backup");
        await DatabaseState.ExecuteAsync(Database.ConnectionString, "INSERT INTO notes (title, body) VALUES ('first', 'kept'), ('second', 'it''s; tricky')");
        var rows = await TextAsync(Rows);
        var state = await DatabaseState.ReadAsync(Database.ConnectionString);
        Scripts.Add("V2__ratings.sql", "CREATE TABLE ratings (note_id bigint REFERENCES notes (id), stars int);");
        await RunAsync("MigrateDb");
        await DatabaseState.ExecuteAsync(Database.ConnectionString, "DELETE FROM notes WHERE title = 'first'; INSERT INTO notes (title) VALUES ('after the backup')");

        var (code, output) = await RunAsync("RestoreDb", null, "--backup", Assert.Single(BackupNames()));

        Assert.True(code == 0, output);
        Assert.Equal(rows, await TextAsync(Rows));
        Assert.Equal(state, await DatabaseState.ReadAsync(Database.ConnectionString));
        Assert.Equal(0, await DatabaseState.ScalarAsync(Database.ConnectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'ratings'"));
    }

    [PostgresTheory]
    [InlineData("../backups/x-20250101T120000.000Z-v1")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("notes-20250101T120000.000Z-v1/../../secret")]
    public async Task A_name_that_is_no_backup_name_is_refused_with_one_line_before_anything_happens(string name)
    {
        var (code, output) = await RunAsync("RestoreDb", null, "--backup", name);

        Assert.Equal(1, code);
        Assert.Contains($"RestoreDb failed: '{name}' is not the name of a backup MigrateDb made: expected a bare name", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Artifacts, "backups")));
    }

    [PostgresFact]
    public async Task A_backup_that_does_not_exist_or_was_changed_is_refused()
    {
        await RunAsync("MigrateDb");
        var backup = Assert.Single(BackupNames());
        await File.AppendAllTextAsync(Path.Combine(Artifacts, "backups", backup + ".dump"), "tampered");

        var (missingCode, missing) = await RunAsync("RestoreDb", null, "--backup", "notes-20250101T120000.000Z-v9");
        var (changedCode, changed) = await RunAsync("RestoreDb", null, "--backup", backup);

        Assert.Equal(1, missingCode);
        Assert.Contains($"RestoreDb failed: There is no backup notes-20250101T120000.000Z-v9 in {Path.Combine(Artifacts, "backups")}: there are {backup}.", missing, StringComparison.Ordinal);
        Assert.Equal(1, changedCode);
        Assert.Contains($"RestoreDb failed: Backup {backup} does not match the checksum recorded when it was made", changed, StringComparison.Ordinal);
    }

    private async Task<string> TextAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
