using Engine;
using Pipeline.Database.PostgreSql;

namespace Pipeline.Database;

/// <summary>
/// RestoreDb against one database: the backup's SQL, after emptying the database, in one transaction. Emptying first
/// takes away what came after the backup (a migration's new table would otherwise survive and break the next
/// migration); the one transaction means a restore that fails half-way leaves the database exactly as it was.
/// </summary>
internal static class DatabaseRestore
{
    // Every user schema goes, and public comes back as PostgreSQL 15 creates it; the backup's script recreates the rest.
    private const string EmptyDatabase = """
        SET client_min_messages = warning;
        DO $$
        DECLARE s name;
        BEGIN
            FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
                EXECUTE format('DROP SCHEMA %I CASCADE', s);
            END LOOP;
        END $$;
        CREATE SCHEMA public AUTHORIZATION pg_database_owner;
        GRANT USAGE ON SCHEMA public TO PUBLIC;
        """;

    public static async Task<BackupManifest> RunAsync(DatabaseAddress address, Backups backups, string backupName, AbsolutePath workDirectory, CancellationToken cancellation)
    {
        var (archive, manifest) = await backups.FindAsync(backupName, cancellation);
        var script = workDirectory.CreateDirectory() / $"restore-{manifest.Name}.sql";
        try
        {
            await PgRestore.ToScript(archive, script, cancellation);
            await Psql.InOneTransaction(address, EmptyDatabase, script, cancellation);
            return manifest;
        }
        catch (ToolException e)
        {
            throw new InvalidOperationException($"Restoring {manifest.Name} into {address} failed and changed nothing: {ToolErrors.LastLine(e)}", e);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
