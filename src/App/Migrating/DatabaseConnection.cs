using System.Net.Sockets;
using Npgsql;

namespace App.Migrating;

/// <summary>
/// The migrator's one connection: unpooled, because it holds the session-level migration lock and must close for
/// real, and named, so a waiting migrator can say who holds the lock. A failure to connect becomes one line that
/// names the database (never the password) and PostgreSQL's or the network's reason.
/// </summary>
public static class DatabaseConnection
{
    public const string ApplicationName = "App migrate";

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, string databaseName, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        builder.ApplicationName ??= ApplicationName;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync();
            var reason = e is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}"
                : e.InnerException is SocketException or IOException or TimeoutException ? $"{e.Message} ({e.InnerException.Message})"
                : e.Message;
            throw new MigrationException($"cannot connect to {databaseName}: {reason}; nothing was applied", e);
        }
    }
}
