using Npgsql;

namespace TestSupport;

/// <summary>
/// Reads TEST_DATABASE_URL in either form with-services.sh or a developer may give: postgres://user:password@host:port/db
/// or Npgsql keywords. Deliberately minimal; the service's own, fully tested parser lives in App.Configuration.
/// </summary>
public static class ServerAddress
{
    public static string ToConnectionString(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.Contains("://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(address).ConnectionString;
        }

        var uri = new Uri(address);
        var credentials = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(credentials[0]),
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
        };
        if (credentials.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(credentials[1]);
        }

        return builder.ConnectionString;
    }
}
