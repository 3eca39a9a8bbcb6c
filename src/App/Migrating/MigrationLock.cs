using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace App.Migrating;

/// <summary>
/// One migrator per database at a time: a session-level advisory lock held for the whole run. It is taken with
/// pg_try_advisory_lock and polling, never with the blocking pg_advisory_lock: a session blocked in that call holds a
/// snapshot, CREATE INDEX CONCURRENTLY in the lock holder waits for every such snapshot, and neither would finish.
/// </summary>
public static class MigrationLock
{
    // "migrate\0" in ASCII. Any constant works while every migrator of the service uses the same one.
    public const long Key = 0x6d69677261746500;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    public static async Task AcquireAsync(NpgsqlConnection connection, TimeSpan timeout, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        LockHolder? reportedHolder = null;
        var reportedAt = TimeSpan.Zero;
        while (!await TryAcquireAsync(connection, cancellationToken))
        {
            var holder = await HolderAsync(connection, cancellationToken) ?? new LockHolder(0, "", "it has just let go");
            if (clock.Elapsed >= timeout)
            {
                throw new MigrationException($"gave up after {Seconds(timeout)} waiting for the migration lock held by {holder}; nothing was applied");
            }

            if (holder != reportedHolder || clock.Elapsed - reportedAt >= ProgressInterval)
            {
                await output.WriteLineAsync($"waiting for the migration lock held by {holder} ({holder.Application}; waited {Seconds(clock.Elapsed)} of {Seconds(timeout)})");
                (reportedHolder, reportedAt) = (holder, clock.Elapsed);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public static async Task ReleaseAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> TryAcquireAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // A bigint advisory key shows in pg_locks as classid (high half) and objid (low half) with objsubid 1.
    // "Since" is when the holder's session started: migrators take the lock right after connecting.
    private static async Task<LockHolder?> HolderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.pid, a.backend_start, coalesce(a.application_name, '')
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = @high AND l.objid::bigint = @low
            """,
            connection);
        command.Parameters.AddWithValue("high", Key >> 32);
        command.Parameters.AddWithValue("low", Key & 0xFFFFFFFF);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var since = reader.GetFieldValue<DateTimeOffset>(1).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return new LockHolder(reader.GetInt32(0), since, reader.GetString(2) is { Length: > 0 } application ? application : "no application name");
    }

    private sealed record LockHolder(int Pid, string Since, string Application)
    {
        public override string ToString() => Pid == 0 ? "another session" : $"pid {Pid} since {Since}";
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s";
}
