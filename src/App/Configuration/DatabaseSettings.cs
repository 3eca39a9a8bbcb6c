using Npgsql;

namespace App.Configuration;

/// <summary>
/// Where the database is, from <c>DATABASE_URL</c> (URL or keyword form) or <c>ConnectionStrings__Default</c>.
/// DATABASE_URL wins because hosting platforms inject it and it must override a value baked into the image.
/// </summary>
public sealed class DatabaseSettings
{
    public const string UrlVariable = "DATABASE_URL";
    public const string ConnectionStringName = "Default";

    private DatabaseSettings(string? connectionString) => ConnectionString = connectionString;

    /// <summary>The Npgsql keyword connection string, or null when no database is configured.</summary>
    public string? ConnectionString { get; }

    public bool IsConfigured => ConnectionString is not null;

    public static DatabaseSettings None { get; } = new(null);

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var url = configuration[UrlVariable];
        if (!string.IsNullOrWhiteSpace(url))
        {
            return new DatabaseSettings(PostgresConnectionString.Parse(url, UrlVariable));
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? None
            : new DatabaseSettings(PostgresConnectionString.Parse(connectionString, "ConnectionStrings__Default"));
    }

    /// <summary>Host, port, database and user: safe to log, because the password is left out.</summary>
    public string Describe()
    {
        if (ConnectionString is null)
        {
            return "no database configured";
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
    }
}
