using Npgsql;

namespace App.Migrating;

/// <summary>
/// A database that already has the schema of <see cref="Version"/> but no history: the service's start-up code
/// created the notes table before migrations existed. Such a database is recorded as being at that version (a
/// "baseline" row with the script's checksum) instead of having the script run against it again.
/// </summary>
public sealed record Baseline(long Version, string ExistingTable)
{
    /// <summary>What the service's start-up code (NotesSchema, before V1 was a migration) left behind.</summary>
    public static Baseline NotesStartupSchema { get; } = new(1, "public.notes");

    /// <summary>Whether the database has the table but no history table.</summary>
    public async Task<bool> AppliesAsync(NpgsqlConnection connection, bool hasHistory, CancellationToken cancellationToken)
    {
        if (hasHistory)
        {
            return false;
        }

        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", ExistingTable);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
