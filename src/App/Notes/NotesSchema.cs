using App.Data;
using Npgsql;

namespace App.Notes;

/// <summary>
/// Creates the notes table at startup until versioned migrations (a MigrateDb target) take over; then this class
/// and its registration go away. When the database is down at startup the service still starts, reports not ready,
/// and keeps retrying here, so a database that comes back later needs no restart.
/// </summary>
public sealed partial class NotesSchema(Database database, ILogger<NotesSchema> logger) : IHostedService
{
    private const string Script = "App.Migrations.V1__create_notes.sql";

    // Serialises concurrent instances: CREATE TABLE IF NOT EXISTS is not safe against itself in parallel.
    private const long AdvisoryLockKey = 0x6e6f746573;

    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    // Never disposed, on purpose: it has no timer to release, and the host may dispose this singleton while its
    // StopAsync still runs (WebApplication.RunAsync disposes on shutdown), which must not throw.
    private readonly CancellationTokenSource stopping = new();
    private Task? retries;
    private volatile bool applied;

    public bool IsApplied => applied;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.IsConfigured)
        {
            LogNoDatabase(logger);
            return;
        }

        if (!await TryApplyAsync(cancellationToken))
        {
            retries = RetryAsync(stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (retries is not null)
        {
            await retries.WaitAsync(cancellationToken);
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                await Task.Delay(RetryInterval, cancellationToken);
            }
            while (!await TryApplyAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down before the database came back: nothing left to do.
        }
    }

    private async Task<bool> TryApplyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ApplyAsync(cancellationToken);
            applied = true;
            LogApplied(logger, Script, database.Settings.Describe());
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRetry(logger, Script, database.Settings.Describe(), RetryInterval.TotalSeconds, e.Message);
            return false;
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var sql = await ReadScriptAsync(cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string> ReadScriptAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(NotesSchema).Assembly.GetManifestResourceStream(Script)
            ?? throw new InvalidOperationException($"The embedded resource {Script} is missing from the build.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No database configured: notes schema not applied")]
    private static partial void LogNoDatabase(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Script} to {Database}")]
    private static partial void LogApplied(ILogger logger, string script, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply {Script} to {Database}, retrying in {Seconds}s: {Reason}")]
    private static partial void LogRetry(ILogger logger, string script, string database, double seconds, string reason);
}
