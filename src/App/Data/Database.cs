using App.Configuration;
using Npgsql;

namespace App.Data;

/// <summary>
/// The one connection pool of the process, or none when no database is configured: the service still starts
/// without a database so health and version stay reachable, and the notes endpoints answer 503.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? dataSource;

    public Database(DatabaseSettings settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        if (settings.ConnectionString is not null)
        {
            dataSource = new NpgsqlDataSourceBuilder(settings.ConnectionString)
                .UseLoggerFactory(loggerFactory)
                .Build();
        }
    }

    public DatabaseSettings Settings { get; }

    public bool IsConfigured => dataSource is not null;

    public NpgsqlDataSource DataSource =>
        dataSource ?? throw new InvalidOperationException("No database is configured (set DATABASE_URL).");

    public ValueTask DisposeAsync() => dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
