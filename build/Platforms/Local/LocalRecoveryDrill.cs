using System.Globalization;
using Engine;
using Pipeline.Database;
using Pipeline.Database.PostgreSql;
using Pipeline.Delivery;
using Pipeline.Recovery;
using Pipeline.Tools;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The recovery role on this machine: a pg_dump backup from artifacts/backups restored into a new database on the
/// environment's PostgreSQL (drill_&lt;app&gt;_&lt;env&gt;_&lt;time&gt;), and the live release's image run against it as
/// containers of their own (&lt;app&gt;-&lt;env&gt;-drill-&lt;time&gt;, on a free port, labelled), none of which the router
/// knows. The names and the label are how the next drill finds what a killed one left.
/// </summary>
internal sealed class LocalRecoveryDrill(LocalPlatformSettings settings, DatabaseAddress live, Backups backups, AbsolutePath workDirectory) : IRecoveryDrillPlatform
{
    private const string DrillLabel = ColorContainers.LabelPrefix + "drill";
    private const string TimeFormat = "yyyyMMddHHmmss";

    // PostgreSQL folds unquoted names to lower case and allows letters, digits and '_'.
    private string DatabasePrefix => "drill_" + new string([.. settings.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]) + "_";

    public string Description => $"local: scratch databases on {live.Host}:{live.Port.ToString(CultureInfo.InvariantCulture)}, containers on {settings.Docker}";

    public async Task<int> RemoveLeftoversAsync(CancellationToken cancellation)
    {
        var containers = await DockerEngineApi.NamesLabelled(settings.Docker, DrillLabel, settings.Name, cancellation);
        foreach (var container in containers)
        {
            await DockerEngineApi.Remove(settings.Docker, container, force: true, cancellation);
            Log.Information($"removed container {container}, left by a recovery drill that did not finish");
        }

        var databases = await Psql.Query(live, $"SELECT datname FROM pg_database WHERE starts_with(datname, '{DatabasePrefix}')", cancellation);
        foreach (var database in databases)
        {
            await Psql.Command(live, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", cancellation);
            Log.Information($"dropped database {database}, left by a recovery drill that did not finish");
        }

        return containers.Count + databases.Count;
    }

    public async Task<DrillBackup> ChooseBackupAsync(string? name, CancellationToken cancellation)
    {
        var (_, manifest) = name is null
            ? await backups.NewestAsync(live.ToString(), cancellation)
                ?? throw new InvalidOperationException($"There is no backup of {live} in {backups.Directory} to drill with: MigrateDb takes one before each migration.")
            : await backups.FindAsync(name, cancellation);
        return new DrillBackup(manifest.Name, manifest.CreatedAt, manifest.Version, manifest.Rows);
    }

    public async Task<IDrillDatabase> RestoreAsync(DrillBackup backup, CancellationToken cancellation)
    {
        var name = DatabasePrefix + DateTime.UtcNow.ToString(TimeFormat, CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..6];
        if (string.Equals(name, live.Database, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Refusing to drill into {name}: it is the live database.");
        await Psql.Command(live, $"CREATE DATABASE {name}", cancellation);
        var scratch = live with { Database = name };
        try
        {
            await DatabaseRestore.RunAsync(scratch, backups, backup.Name, workDirectory.CreateDirectory(), cancellation);
            return new DrillDatabase(live, name, await TableRows.CountAsync(scratch, cancellation));
        }
        catch
        {
            await DropAsync(live, name);
            throw;
        }
    }

    public async Task<IDrillInstance> StartAsync(ColorRelease release, IDrillDatabase database, CancellationToken cancellation)
    {
        var scratch = live with { Database = database.Name };
        var container = $"{settings.Name}-drill-{database.Name[DatabasePrefix.Length..].Replace('_', '-')}";
        var secrets = new Dictionary<string, string> { ["DATABASE_URL"] = live.UrlFor(database.Name) };
        await new LocalDrillMigration(settings, DrillLabel).RunAsync(release, container + "-migrate", secrets, cancellation);
        var version = long.Parse((await Psql.Query(scratch, "SELECT coalesce(max(version), 0) FROM public.schema_history", cancellation))[0], CultureInfo.InvariantCulture);
        return await LocalDrillInstance.StartAsync(settings, DrillLabel, release, container, secrets, version, cancellation);
    }

    private static async Task DropAsync(DatabaseAddress server, string name)
    {
        try
        {
            await Psql.Command(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
        catch (ToolException e)
        {
            // Not thrown: it would hide what brought us here; the next drill drops it, by its name.
            Log.Warning($"Could not drop the drill's database {name} on {server.Host}:{server.Port}; the next RecoveryDrill drops it. {ToolErrors.LastLine(e)}");
        }
    }

    /// <summary>The scratch database: dropped on dispose, with FORCE, since the drill's instance may still hold connections.</summary>
    private sealed class DrillDatabase(DatabaseAddress server, string name, IReadOnlyDictionary<string, long> rows) : IDrillDatabase
    {
        public string Name => name;

        public IReadOnlyDictionary<string, long> Rows => rows;

        public async ValueTask DisposeAsync()
        {
            await DropAsync(server, name);
            Log.Information($"dropped the drill's database {name}");
        }
    }
}
