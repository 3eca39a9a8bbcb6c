using App.Data;
using App.Migrating;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace App.Health;

/// <summary>
/// Ready means the service can do its work: the database answers and its schema is at least the version this build
/// needs. A newer schema is fine: during a blue/green deploy the old version keeps serving after the migration.
/// Without a configured database there is nothing to wait for, so the service is ready.
/// </summary>
public sealed class DatabaseHealthCheck(Database database, SchemaRequirement schema) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!database.IsConfigured)
        {
            return HealthCheckResult.Healthy("not configured");
        }

        long? applied;
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            applied = await MigrationHistory.VersionAsync(connection, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"unreachable: {e.Message}");
        }

        return applied switch
        {
            null => HealthCheckResult.Unhealthy($"reachable, but it has no migration history and this version needs V{schema.Version}: run 'App migrate'"),
            var version when version < schema.Version =>
                HealthCheckResult.Unhealthy($"reachable, but the schema is at V{version} and this version needs V{schema.Version}: run 'App migrate'"),
            var version => HealthCheckResult.Healthy($"reachable, schema at V{version}"),
        };
    }
}
