using System.Text;
using Npgsql;

namespace TestSupport;

/// <summary>
/// What tests read from a database: its schema and migration history as text (columns, indexes, history rows), so a
/// test can say "exactly as before" by comparing two, and single values.
/// </summary>
public static class DatabaseState
{
    private const string Query = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        ORDER BY 1
        """;

    public static async Task<string> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var state = new StringBuilder();
        await using (var command = new NpgsqlCommand(Query, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                state.AppendLine(reader.GetString(0));
        }

        foreach (var row in await HistoryAsync(connection))
            state.AppendLine(row);
        return state.ToString();
    }

    /// <summary>
    /// The catalog of the user schemas down to oids and file nodes (so a relation rewritten and put back shows too),
    /// every constraint and sequence position, and the history rows with their times: "exactly as before" for a run
    /// that must change nothing.
    /// </summary>
    public static async Task<string> CatalogAsync(string connectionString)
    {
        const string Catalog = """
            SELECT format('relation %s %s.%s %s file %s', c.oid, n.nspname, c.relname, c.relkind, c.relfilenode)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
            UNION ALL SELECT format('column %s.%s %s %s %s notnull=%s default=%s dropped=%s', a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.atthasdef, a.attisdropped)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND a.attnum > 0
            UNION ALL SELECT format('constraint %s %s on %s: %s', oid, conname, conrelid, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL SELECT format('sequence %s at %s', s.seqrelid, pg_sequence_last_value(s.seqrelid)) FROM pg_sequence s
            UNION ALL SELECT format('history %s', h) FROM schema_history h
            ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var catalog = new StringBuilder();
        await using var command = new NpgsqlCommand(Catalog, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            catalog.AppendLine(reader.GetString(0));
        return catalog.ToString();
    }

    public static async Task<IReadOnlyList<string>> HistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await HistoryAsync(connection);
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<IReadOnlyList<string>> HistoryAsync(NpgsqlConnection connection)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('public.schema_history') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync())!)
                return [];
        }

        var rows = new List<string>();
        await using var command = new NpgsqlCommand("SELECT version || ' ' || script || ' ' || kind || ' ' || checksum FROM schema_history ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
