using System.Globalization;
using Engine;

/// <summary>
/// A throwaway database on the same server holding a copy of the schema (no rows, except the history's), where the
/// pending scripts can run without touching the real one. Dropped on dispose, also after a failure.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly DatabaseAddress server;
    private readonly AbsolutePath directory;

    private ScratchDatabase(DatabaseAddress server, string name, AbsolutePath directory) => (this.server, Name, this.directory) = (server, name, directory);

    public string Name { get; }

    public string Url => server.UrlFor(Name);

    public static async Task<ScratchDatabase> CopySchemaAsync(DatabaseAddress source, string? historyTable, AbsolutePath workDirectory, CancellationToken cancellation)
    {
        // The service's check refuses databases not named like this (App.Migrating.Compatibility.CompatibilityCheck.ThrowawayPrefix).
        var name = "migrate_check_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        var scratch = new ScratchDatabase(source, name, (workDirectory / name).CreateDirectory());
        try
        {
            await Psql.Command(source, $"CREATE DATABASE {name}", cancellation);
            await PgDump.SchemaOnly(source, scratch.directory / "schema.dump", cancellation);
            await PgRestore.Into(source, name, scratch.directory / "schema.dump", cancellation);
            if (historyTable is not null)
            {
                await PgDump.TableData(source, historyTable, scratch.directory / "history.dump", cancellation);
                await PgRestore.Into(source, name, scratch.directory / "history.dump", cancellation);
            }

            return scratch;
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        try
        {
            // FORCE: a migrator stopped half-way may still hold a connection.
            await Psql.Command(server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);
        }
        catch (ToolException e)
        {
            // Not thrown: it would hide the failure that brought us here. The name says what it was, so it can go by hand.
            Log.Warning($"Could not drop the throwaway database {Name} on {server.Host}:{server.Port}; drop it by hand. {e.Message}");
        }
    }
}
