using System.Globalization;
using Engine;
using Pipeline.Database.PostgreSql;

namespace Pipeline.Database;

/// <summary>
/// A throwaway database on the same server holding a copy of the schema (no rows, except the history's), where the
/// pending scripts can run without touching the real one. Dropped on dispose, also after a failure; copies left by a
/// run that was killed outright are dropped by the next run once they are a day old.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    // The service's check refuses databases not named like this (App.Migrating.Compatibility.CompatibilityCheck.ThrowawayPrefix).
    private const string Prefix = "migrate_check_";
    private const string TimeFormat = "yyyyMMddHHmmss";

    // Old enough that no MigrateDb still running on the same server (another database's) can be using it.
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromDays(1);

    private readonly DatabaseAddress server;
    private readonly AbsolutePath directory;

    private ScratchDatabase(DatabaseAddress server, string name, AbsolutePath directory) => (this.server, Name, this.directory) = (server, name, directory);

    public string Name { get; }

    public string Url => server.UrlFor(Name);

    public static async Task<ScratchDatabase> CopySchemaAsync(DatabaseAddress source, string? historyTable, AbsolutePath workDirectory, CancellationToken cancellation)
    {
        await DropLeftoversAsync(source, cancellation);
        var name = Prefix + DateTime.UtcNow.ToString(TimeFormat, CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
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
        catch (ToolException e)
        {
            await scratch.DisposeAsync();
            throw new InvalidOperationException(
                $"Could not copy the schema into a throwaway database on {source.Host}:{source.Port} for the compatibility check (the user needs CREATEDB): {ToolErrors.LastLine(e)}",
                e);
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

    private static async Task DropLeftoversAsync(DatabaseAddress server, CancellationToken cancellation)
    {
        var names = await Psql.Query(server, $"SELECT datname FROM pg_database WHERE starts_with(datname, '{Prefix}')", cancellation);
        foreach (var name in names)
        {
            if (name.Length >= Prefix.Length + TimeFormat.Length
                && DateTime.TryParseExact(name.AsSpan(Prefix.Length, TimeFormat.Length), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created)
                && DateTime.UtcNow - created > LeftoverAge)
            {
                Log.Information($"Dropping {name}, a throwaway copy left by a MigrateDb that did not finish.");
                await Psql.Command(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellation);
            }
        }
    }
}
