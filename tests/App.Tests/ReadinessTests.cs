using System.Net;
using App.Health;
using App.Migrating;
using TestSupport;

namespace App.Tests;

/// <summary>The service never migrates at start: it reports not ready, saying why, until its database has the schema it needs.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [PostgresFact]
    public async Task A_database_without_migration_history_is_not_ready_and_is_left_alone()
    {
        var (status, reason) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal($"database: reachable, but it has no migration history and this version needs V{Required}: run 'App migrate'", reason);
        Assert.Equal(0, await DatabaseState.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [PostgresFact]
    public async Task A_schema_behind_the_version_this_build_needs_is_not_ready()
    {
        await DatabaseState.ExecuteAsync(database.ConnectionString, """
            CREATE TABLE schema_history (version bigint PRIMARY KEY, description text NOT NULL, script text NOT NULL, checksum text NOT NULL,
                kind text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), duration_ms integer NOT NULL, applied_by text NOT NULL)
            """);

        var (status, reason) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal($"database: reachable, but the schema is at V0 and this version needs V{Required}: run 'App migrate'", reason);
    }

    [PostgresFact]
    public async Task A_schema_at_or_ahead_of_the_version_this_build_needs_is_ready()
    {
        await new Migrator(database.ConnectionString, database.Name, ScriptSet.Load(ScriptSource.Embedded()), TextWriter.Null)
            .RunAsync(MigrateMode.Migrate, null, CancellationToken.None);
        await DatabaseState.ExecuteAsync(database.ConnectionString, $"""
            INSERT INTO schema_history (version, description, script, checksum, kind, duration_ms, applied_by)
            VALUES ({Required + 1}, 'from a newer version', 'V{Required + 1}__newer.sql', 'x', 'script', 0, 'test')
            """);

        var (status, _) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static long Required => SchemaRequirement.FromEmbeddedScripts().Version;

    private async Task<(HttpStatusCode Status, string? Reason)> ReadyAsync()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = database.ConnectionString });
        var (status, body) = await Readiness.GetAsync(app.CreateClient());
        return (status, body.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
    }
}
