using System.Diagnostics;
using Npgsql;

namespace App.Migrating;

/// <summary>Called after each statement that ran, on the same connection (and transaction): the compatibility check looks at the catalog there.</summary>
public delegate Task StatementObserver(NpgsqlConnection connection, MigrationScript script, SqlStatement statement, CancellationToken cancellationToken);

/// <summary>
/// Applies one script and writes its history row. A script runs in its own transaction with its row, so a failure
/// leaves schema and history exactly as they were. A no-transaction script runs statement by statement and gets
/// its row only once all of them succeeded, so after a failure the whole script runs again on the next run.
/// </summary>
public static class ScriptRunner
{
    public static async Task<TimeSpan> ApplyAsync(NpgsqlConnection connection, MigrationScript script, StatementObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(script);
        var clock = Stopwatch.StartNew();
        if (script.RunsInTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await RunStatementsAsync(connection, transaction, script, observer, cancellationToken);
            await MigrationHistory.RecordAsync(connection, transaction, script, MigrationHistory.ScriptKind, clock.Elapsed, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await RunStatementsAsync(connection, null, script, observer, cancellationToken);
            await RecordAsync(connection, script, MigrationHistory.ScriptKind, clock.Elapsed, cancellationToken);
        }

        return clock.Elapsed;
    }

    /// <summary>Writes a history row alone: a baseline, or the row of a no-transaction script.</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, MigrationScript script, string kind, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MigrationHistory.RecordAsync(connection, transaction, script, kind, duration, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task RunStatementsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, MigrationScript script, StatementObserver? observer, CancellationToken cancellationToken)
    {
        foreach (var statement in script.Statements)
        {
            try
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new MigrationException(Failure(script, statement, e), e);
            }

            if (observer is not null)
            {
                await observer(connection, script, statement, cancellationToken);
            }
        }
    }

    /// <summary>Runs one statement of a script; also how the compatibility check runs them.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, SqlStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);

        // No command timeout: rewriting or indexing a large table legitimately takes long.
        await using var command = new NpgsqlCommand(statement.Text, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Failure(MigrationScript script, SqlStatement statement, PostgresException error)
    {
        var line = statement.LineAt(error.Position);
        var outcome = script.RunsInTransaction
            ? $"V{script.Version} was rolled back and left no trace"
            : $"V{script.Version} runs outside a transaction, so its statements before line {statement.Line} stay applied and the whole script runs again next time (keep them re-runnable)";
        return $"{script.FileName} line {line} failed: {error.SqlState}: {error.MessageText}; {outcome}";
    }
}
