using Npgsql;

namespace App.Configuration;

/// <summary>
/// Where the database is, from <c>DATABASE_URL</c> (URL or keyword form) or <c>ConnectionStrings__Default</c>.
/// DATABASE_URL wins because hosting platforms inject it and it must override a value baked into the image.
/// <c>DATABASE_HOST</c> then replaces only the host (and port): a recovery drill points a task whose DATABASE_URL
/// comes from a secret it cannot read at a restored copy, which has the same user, password and database.
/// </summary>
public sealed class DatabaseSettings
{
    public const string UrlVariable = "DATABASE_URL";
    public const string HostVariable = "DATABASE_HOST";
    public const string ConnectionStringName = "Default";

    private DatabaseSettings(string? connectionString, DatabaseHost? hostOverride)
    {
        ConnectionString = connectionString;
        HostOverride = hostOverride;
    }

    /// <summary>The Npgsql keyword connection string, or null when no database is configured.</summary>
    public string? ConnectionString { get; }

    /// <summary>What DATABASE_HOST put in place of the configured host, or null when it is not set.</summary>
    public DatabaseHost? HostOverride { get; }

    public bool IsConfigured => ConnectionString is not null;

    public static DatabaseSettings None { get; } = new(null, null);

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = ConfiguredConnectionString(configuration);
        var hostText = configuration[HostVariable];
        if (string.IsNullOrWhiteSpace(hostText))
        {
            return configured is null ? None : new DatabaseSettings(configured, null);
        }

        if (!DatabaseHost.TryParse(hostText, out var host, out var problem))
        {
            throw new InvalidSettingException($"{HostVariable} is invalid: {problem}.");
        }

        // Ignoring it would leave the service without a database, where the operator asked for a particular one.
        return configured is null
            ? throw new InvalidSettingException(
                $"{HostVariable} is set, but neither {UrlVariable} nor ConnectionStrings__Default is: it replaces the host of a configured database and cannot stand alone.")
            : new DatabaseSettings(host.ApplyTo(configured), host);
    }

    /// <summary>Host, port, database and user: safe to log, because the password is left out.</summary>
    public string Describe()
    {
        if (ConnectionString is null)
        {
            return "no database configured";
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var description = $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
        return HostOverride is null ? description : $"{description} (host from {HostVariable})";
    }

    private static string? ConfiguredConnectionString(IConfiguration configuration)
    {
        var url = configuration[UrlVariable];
        if (!string.IsNullOrWhiteSpace(url))
        {
            return PostgresConnectionString.Parse(url, UrlVariable);
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString) ? null : PostgresConnectionString.Parse(connectionString, "ConnectionStrings__Default");
    }
}
