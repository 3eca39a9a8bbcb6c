using System.Data.Common;
using System.Globalization;

namespace Pipeline.Database;

/// <summary>
/// Where the database is, read from DATABASE_URL in either form the service accepts (postgres://user:password@host:port/db
/// or Npgsql keywords), for the PostgreSQL tools: they get it as PG* environment variables, so the password is never
/// on a command line. Errors name the problem, never the value.
/// </summary>
internal sealed record DatabaseAddress(string Host, int Port, string Database, string User, string? Password, string? SslMode)
{
    private const string Shape = "postgres://user:password@host:port/database";

    public static DatabaseAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        return text.Contains("://", StringComparison.Ordinal) ? FromUrl(text) : FromKeywords(text);
    }

    /// <summary>The address without the password: how it is shown.</summary>
    public override string ToString() => $"postgres://{User}@{Host}:{Port}/{Database}";

    /// <summary>The same server with another database (a throwaway copy), as a URL for the service's migrate command.</summary>
    public string UrlFor(string database)
    {
        var credentials = Uri.EscapeDataString(User) + (Password is null ? "" : ":" + Uri.EscapeDataString(Password));
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return $"postgres://{credentials}@{host}:{Port}/{Uri.EscapeDataString(database)}" + (SslMode is null ? "" : $"?sslmode={SslMode}");
    }

    /// <summary>libpq's variables for pg_dump, pg_restore and psql; PGDATABASE is <paramref name="database"/> when given.</summary>
    public IReadOnlyDictionary<string, string?> ToolEnvironment(string? database = null) => new Dictionary<string, string?>
    {
        ["PGHOST"] = Host,
        ["PGPORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["PGDATABASE"] = database ?? Database,
        ["PGUSER"] = User,
        ["PGPASSWORD"] = Password,
        ["PGSSLMODE"] = SslMode, // null removes one inherited from the shell, which was meant for another database
    };

    private static DatabaseAddress FromUrl(string text)
    {
        var scheme = text[..text.IndexOf("://", StringComparison.Ordinal)];
        if (scheme is not ("postgres" or "postgresql"))
            throw Invalid($"the scheme '{scheme}' is not supported (expected postgres:// or postgresql://)");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw Invalid($"it is not a URL of the form {Shape}; percent-encode special characters in the user name and password");
        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
        var password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]).ToUpperInvariant(), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "");
        return Complete(uri.Host.Trim('[', ']'), uri.Port, Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), user, password, query.GetValueOrDefault("SSLMODE"));
    }

    private static DatabaseAddress FromKeywords(string text)
    {
        var keywords = new DbConnectionStringBuilder();
        try
        {
            keywords.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            throw Invalid($"it is neither a {Shape} URL nor a keyword connection string (Host=…;Database=…;Username=…;Password=…)");
        }

        string? Get(params string[] names) => names.Select(name => keywords.TryGetValue(name, out var found) ? found?.ToString() : null).FirstOrDefault(found => found is not null);
        var port = Get("Port") is { } portText && int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
        var sslMode = Get("SSL Mode", "SslMode")?.ToLowerInvariant().Replace("verifyca", "verify-ca", StringComparison.Ordinal).Replace("verifyfull", "verify-full", StringComparison.Ordinal);
        return Complete(Get("Host", "Server") ?? "", port, Get("Database", "DB") ?? "", Get("Username", "User Name", "User ID", "User", "UserId") ?? "", Get("Password", "PWD", "PSW"), sslMode);
    }

    private static DatabaseAddress Complete(string host, int port, string database, string user, string? password, string? sslMode)
    {
        if (host.Length == 0)
            throw Invalid("it names no host");
        if (database.Length == 0 || user.Length == 0)
            throw Invalid($"it must name the database and the user ({Shape})");
        if (sslMode is not (null or "disable" or "allow" or "prefer" or "require" or "verify-ca" or "verify-full"))
            throw Invalid($"sslmode '{sslMode}' is not one of disable, allow, prefer, require, verify-ca, verify-full");
        return new DatabaseAddress(host, port > 0 ? port : 5432, database, user, password, sslMode);
    }

    private static InvalidOperationException Invalid(string reason) => new($"DATABASE_URL is invalid: {reason}.");
}
