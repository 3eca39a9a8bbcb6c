using Npgsql;

namespace App.Migrating.Compatibility;

/// <summary>A column as the serving version sees it. Number and relation oid survive a rename; the name does not.</summary>
public sealed record CatalogColumn(short Number, string Name, string Type, bool NotNull, bool FilledByDatabase);

/// <summary>A table, view or materialized view, keyed by oid so that a rename shows as a rename, not a drop and an add.</summary>
public sealed record CatalogRelation(uint Oid, string Name, string Kind, IReadOnlyDictionary<short, CatalogColumn> Columns);

/// <summary>The relations and columns of the user schemas at one moment, read from pg_catalog.</summary>
public sealed record CatalogSnapshot(IReadOnlyDictionary<uint, CatalogRelation> Relations)
{
    // Every relation a client can read or write, outside the system schemas, the history table excepted.
    // FilledByDatabase: a default, an identity or a generated column, so an INSERT may leave the column out.
    private const string Query = $"""
        SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname),
               CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END,
               a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
          AND c.oid IS DISTINCT FROM to_regclass('{MigrationHistory.Table}')::oid
        ORDER BY c.oid, a.attnum
        """;

    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var relations = new Dictionary<uint, (string Name, string Kind, Dictionary<short, CatalogColumn> Columns)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetFieldValue<uint>(0);
            if (!relations.TryGetValue(oid, out var relation))
            {
                relation = relations[oid] = (reader.GetString(1), reader.GetString(2), []);
            }

            if (!reader.IsDBNull(3))
            {
                var number = reader.GetInt16(3);
                relation.Columns[number] = new CatalogColumn(number, reader.GetString(4), reader.GetString(5), reader.GetBoolean(6), reader.GetBoolean(7));
            }
        }

        return new CatalogSnapshot(relations.ToDictionary(
            pair => pair.Key,
            pair => new CatalogRelation(pair.Key, pair.Value.Name, pair.Value.Kind, pair.Value.Columns)));
    }
}
