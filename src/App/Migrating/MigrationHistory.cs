using Npgsql;

namespace App.Migrating;

/// <summary>
/// The history table: which scripts a database has, with their checksums, and when, how long and by whom they ran.
/// A row is written in the same transaction as its script, so a script and its row are there together or not at all.
/// </summary>
public static class MigrationHistory
{
    public const string Table = "public.schema_history";
    public const string ScriptKind = "script";
    public const string BaselineKind = "baseline";

    private const string CreateTable = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            version     bigint      PRIMARY KEY,
            description text        NOT NULL,
            script      text        NOT NULL,
            checksum    text        NOT NULL,
            kind        text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now(),
            duration_ms integer     NOT NULL,
            applied_by  text        NOT NULL
        )
        """;

    /// <summary>The rows by version, or null when the table does not exist yet.</summary>
    public static async Task<IReadOnlyList<AppliedScript>?> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, cancellationToken))
        {
            return null;
        }

        await using var command = new NpgsqlCommand(
            $"SELECT version, description, script, checksum, kind, applied_at, duration_ms, applied_by FROM {Table} ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AppliedScript>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AppliedScript(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6), reader.GetString(7)));
        }

        return rows;
    }

    /// <summary>Adds the row for <paramref name="script"/> inside <paramref name="transaction"/>, creating the table first if needed.</summary>
    public static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationScript script, string kind, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        await using (var create = new NpgsqlCommand(CreateTable, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // Who ran it: the database role, and the machine and account the migrator ran on.
        await using var insert = new NpgsqlCommand(
            $"""
            INSERT INTO {Table} (version, description, script, checksum, kind, duration_ms, applied_by)
            VALUES (@version, @description, @script, @checksum, @kind, @duration, current_user || ' (' || @client || ')')
            """,
            connection,
            transaction);
        insert.Parameters.AddWithValue("version", script.Version);
        insert.Parameters.AddWithValue("description", script.Description);
        insert.Parameters.AddWithValue("script", script.FileName);
        insert.Parameters.AddWithValue("checksum", script.Checksum);
        insert.Parameters.AddWithValue("kind", kind);
        insert.Parameters.AddWithValue("duration", (int)Math.Min(int.MaxValue, duration.TotalMilliseconds));
        insert.Parameters.AddWithValue("client", $"{Environment.UserName}@{Environment.MachineName}");
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest version the database has (0 for none), or null without a history table: what readiness compares.</summary>
    public static async Task<long?> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, cancellationToken))
        {
            return null;
        }

        await using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Table}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT to_regclass('{Table}') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
