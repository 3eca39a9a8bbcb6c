using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace App.Migrating.Compatibility;

/// <summary>
/// The compatibility check on the database itself, for where no throwaway copy can be made (MigrateDb on AWS runs it
/// in the one-off task: the build cannot reach the database, and the image has no pg_dump). The pending scripts run
/// in one transaction that is always rolled back, and <see cref="CompatibilityCheck"/> compares the catalog as it
/// does on a copy. Each lock a statement needs is waited for at most the lock timeout (PostgreSQL's lock_timeout):
/// while the check waits for a table, the serving version's queries on it queue behind the check, so it gives up
/// quickly instead. The locks it gets are held until the rollback, that is as long as the scripts take on the live
/// rows. Sequence values the scripts use are not given back (PostgreSQL never does), which leaves gaps, no more.
/// Statements PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM… in a no-transaction
/// script) are skipped and said: none of them can drop, rename or retype a table or column. The other statements of
/// a no-transaction script are checked like any other, each in a savepoint, so a DROP COLUMN there is still caught;
/// its BEGIN and COMMIT are skipped, the check's transaction standing for them.
/// </summary>
public sealed partial class TrialRun(TimeSpan lockTimeout, TextWriter output)
{
    // 25001: "… cannot run inside a transaction block"; 2D000: a COMMIT inside a procedure or DO block.
    private static readonly string[] RefusedInTransaction = [PostgresErrorCodes.ActiveSqlTransaction, PostgresErrorCodes.InvalidTransactionTermination];

    private readonly List<string> skipped = [];

    public async Task<IReadOnlyList<CompatibilityFinding>> RunAsync(NpgsqlConnection connection, IReadOnlyList<MigrationScript> pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<CompatibilityFinding> findings;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var check = new CompatibilityCheck();
            await check.StartAsync(connection, cancellationToken);
            foreach (var script in pending)
            {
                foreach (var statement in script.Statements)
                {
                    if (await TryRunAsync(connection, transaction, script, statement, cancellationToken))
                    {
                        await check.ObserveAsync(connection, script, statement, cancellationToken);
                    }
                }
            }

            findings = await check.FinishAsync(connection, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
        }

        await output.WriteLineAsync($"rolled back the check after {clock.ElapsedMilliseconds} ms: nothing changed");
        return findings;
    }

    // False when the statement was skipped because it cannot run in the check's transaction.
    private async Task<bool> TryRunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationScript script, SqlStatement statement, CancellationToken cancellationToken)
    {
        // A COMMIT in a script would make everything before it permanent on the live database. The check's own
        // transaction stands for the script's BEGIN … COMMIT, so such statements are left out.
        if (TransactionControl().IsMatch(statement.Text))
        {
            await output.WriteLineAsync($"  not checked: {script.FileName} line {statement.Line} controls the transaction, and the check runs everything in its own");
            return false;
        }

        // Again before every statement: a script's own SET lock_timeout (good practice for the real run) must not
        // let the check wait longer.
        var milliseconds = ((long)lockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await using (var limit = new NpgsqlCommand($"SET LOCAL lock_timeout = '{milliseconds}ms'", connection, transaction))
        {
            await limit.ExecuteNonQueryAsync(cancellationToken);
        }

        // Only a no-transaction script's statements may be refused here; a savepoint lets the check go on after one.
        var savepoint = script.RunsInTransaction ? null : "migrate_check_statement";
        if (savepoint is not null)
        {
            await transaction.SaveAsync(savepoint, cancellationToken);
        }

        try
        {
            await ScriptRunner.ExecuteAsync(connection, transaction, statement, cancellationToken);
            if (savepoint is not null)
            {
                await transaction.ReleaseAsync(savepoint, cancellationToken);
            }

            return true;
        }
        catch (PostgresException e) when (savepoint is not null && RefusedInTransaction.Contains(e.SqlState))
        {
            await transaction.RollbackAsync(savepoint, cancellationToken);
            skipped.Add($"{script.FileName} line {statement.Line}");
            await output.WriteLineAsync(
                $"  not checked: {script.FileName} line {statement.Line} cannot run in a transaction ({e.MessageText}); statements like it change no table or column");
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new MigrationException(
                $"{script.FileName} line {statement.LineAt(e.Position)}: the compatibility check could not get a lock within {Seconds(lockTimeout)} (another session holds one "
                + "on what the statement changes) and gave up rather than make the serving version's queries wait behind it; nothing was applied: "
                + "run it again once that session is done, or allow more with --check-lock-timeout",
                e);
        }
        catch (PostgresException e)
        {
            var hint = skipped.Count == 0 ? ""
                : $" (the check skipped {string.Join(", ", skipped)}, which cannot run in a transaction: if this statement needs what that makes, apply the scripts before it on their own first with --target)";
            throw new MigrationException(
                $"{script.FileName} line {statement.LineAt(e.Position)} failed in the compatibility check: {e.SqlState}: {e.MessageText}; nothing was applied{hint}", e);
        }
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";

    [GeneratedRegex(@"^(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|PREPARE\s+TRANSACTION)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TransactionControl();
}
