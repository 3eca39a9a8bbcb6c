using App.Data;
using App.Notes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace App.Health;

/// <summary>
/// Ready means the service can do its work: the database answers and the notes table exists.
/// Without a configured database there is nothing to wait for, so the service is ready.
/// </summary>
public sealed class DatabaseHealthCheck(Database database, NotesSchema schema) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!database.IsConfigured)
        {
            return HealthCheckResult.Healthy("not configured");
        }

        try
        {
            await using var command = database.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"unreachable: {e.Message}");
        }

        return schema.IsApplied
            ? HealthCheckResult.Healthy("reachable")
            : HealthCheckResult.Unhealthy("reachable, but the notes schema is not applied yet");
    }
}
