using System.Globalization;
using Npgsql;

namespace App.Configuration;

/// <summary>
/// Turns a PostgreSQL address into an Npgsql keyword connection string. Platforms hand out the libpq URL form
/// (postgres://user:password@host:port/database?sslmode=require); people also write the keyword form (Host=...;).
/// Error messages name the setting but never echo the value, because it carries the password.
/// </summary>
public static class PostgresConnectionString
{
    private const string UrlShape = "postgres://user:password@host:port/database";

    public static string Parse(string value, string source)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        var schemeEnd = trimmed.IndexOf("://", StringComparison.Ordinal);
        return schemeEnd < 0 ? FromKeywords(trimmed, source) : FromUrl(trimmed, trimmed[..schemeEnd], source);
    }

    private static string FromKeywords(string value, string source)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw Invalid(source, $"it is neither a {UrlShape} URL nor a valid keyword connection string ({e.Message})");
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? throw Invalid(source, "the keyword connection string has no Host")
            : builder.ConnectionString;
    }

    private static string FromUrl(string value, string scheme, string source)
    {
        if (!scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase)
            && !scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(source, $"the scheme '{scheme}' is not supported (expected postgres:// or postgresql://)");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw Invalid(source, $"it is not a valid URL of the form {UrlShape}; percent-encode special characters "
                + "in the user name and password (@ as %40, : as %3A, / as %2F, # as %23)");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid(source, "the URL has no host");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host,
        };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        AddCredentials(builder, uri.UserInfo);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        AddQuery(builder, uri.Query, source);
        return builder.ConnectionString;
    }

    private static void AddCredentials(NpgsqlConnectionStringBuilder builder, string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return;
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        if (colon >= 0)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
    }

    private static void AddQuery(NpgsqlConnectionStringBuilder builder, string query, string source)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            AddParameter(builder, name, value, source);
        }
    }

    private static void AddParameter(NpgsqlConnectionStringBuilder builder, string name, string value, string source)
    {
        if (name.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
        {
            builder.SslMode = ParseSslMode(value, source);
            return;
        }

        try
        {
            switch (name.ToUpperInvariant())
            {
                case "CONNECT_TIMEOUT":
                    builder.Timeout = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "APPLICATION_NAME":
                    builder.ApplicationName = value;
                    break;
                case "OPTIONS":
                    builder.Options = value;
                    break;
                default:
                    // Anything else must be an Npgsql keyword (e.g. Pooling=false, Maximum Pool Size=20).
                    builder[name] = value;
                    break;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            throw Invalid(source, $"the URL parameter '{name}' is not supported or has an invalid value");
        }
    }

    private static SslMode ParseSslMode(string value, string source) => value.ToUpperInvariant() switch
    {
        "DISABLE" => SslMode.Disable,
        "ALLOW" => SslMode.Allow,
        "PREFER" => SslMode.Prefer,
        "REQUIRE" => SslMode.Require,
        "VERIFY-CA" => SslMode.VerifyCA,
        "VERIFY-FULL" => SslMode.VerifyFull,
        _ => throw Invalid(source, $"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
    };

    private static InvalidSettingException Invalid(string source, string reason) =>
        new($"{source} is invalid: {reason}.");
}
