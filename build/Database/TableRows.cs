using System.Globalization;
using Pipeline.Database.PostgreSql;

namespace Pipeline.Database;

/// <summary>The exact number of rows in each table of a database's own schemas, as schema.table → rows, in one query.</summary>
internal static class TableRows
{
    // query_to_xml runs a count(*) per table inside the one statement, so one round trip counts them all.
    private const string Query = """
        SELECT table_schema || '.' || table_name || '|' ||
               (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text
        FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1
        """;

    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(DatabaseAddress address, CancellationToken cancellation)
    {
        var rows = await Psql.Query(address, Query, cancellation);
        return rows.Select(row => row.Split('|', 2))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }
}
