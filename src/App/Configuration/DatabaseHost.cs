using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace App.Configuration;

/// <summary>
/// A database server's address alone, <c>host</c> or <c>host:port</c> (an IPv6 address in brackets, <c>[::1]:5432</c>),
/// as DATABASE_HOST and <c>migrate --require-host</c> take it. Strict on purpose: the value goes into a connection
/// string, where a comma would add a host and a semicolon a keyword, so anything but one host (and a port) is refused.
/// </summary>
public sealed record DatabaseHost(string Host, int? Port)
{
    public const string Shape = "host or host:port";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says why without repeating the text, which may hold a pasted URL with its password.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DatabaseHost? address, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        problem = FindProblem(text.Trim(), out var host, out var port);
        if (problem is null)
        {
            address = new DatabaseHost(host!, port);
        }

        return problem is null;
    }

    /// <summary>The connection string with this host, and this port when one was given; everything else as it was.</summary>
    public string ApplyTo(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Host = Host };
        if (Port is { } port)
        {
            builder.Port = port;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the connection string goes to this host (any letter case) and, when this names a port, to this port.</summary>
    public bool Matches(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Equals(builder.Host, Host, StringComparison.OrdinalIgnoreCase) && (Port is null || builder.Port == Port);
    }

    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return Port is { } port ? $"{host}:{port.ToString(CultureInfo.InvariantCulture)}" : host;
    }

    private static string? FindProblem(string text, out string? host, out int? port)
    {
        host = null;
        port = null;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return $"it is a URL; give only {Shape} (user, password and database stay in the connection string)";
        }

        // Before the port is split off: in "user:password@host" the password would otherwise read as a bad port.
        if (text.Contains('@', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal))
        {
            return $"it contains '@' or '/'; give only {Shape} (user, password and database stay in the connection string)";
        }

        if (text.Any(char.IsWhiteSpace))
        {
            return $"it contains a space; give only {Shape}";
        }

        if (text.Contains(',', StringComparison.Ordinal))
        {
            return "it contains a comma; give one host, not a list";
        }

        if (text.Contains(';', StringComparison.Ordinal))
        {
            return $"it contains a semicolon; give only {Shape}, not connection string keywords";
        }

        var (hostText, portText, shapeProblem) = Split(text);
        if (shapeProblem is not null)
        {
            return shapeProblem;
        }

        if (hostText.Length == 0)
        {
            return "the host is empty";
        }

        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                return "the port is not a number from 1 to 65535";
            }

            port = number;
        }

        host = hostText;
        return null;
    }

    // "[v6]" or "[v6]:port", "name" or "name:port"; a bare IPv6 address is refused, because its last group would read as a port.
    private static (string Host, string? Port, string? Problem) Split(string text)
    {
        if (text.StartsWith('['))
        {
            var end = text.IndexOf(']', StringComparison.Ordinal);
            var inside = end < 0 ? "" : text[1..end];
            if (end < 0 || !IPAddress.TryParse(inside, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return ("", null, "what is in brackets is not an IPv6 address; write one as [::1] or [::1]:5432");
            }

            var rest = text[(end + 1)..];
            return rest.Length == 0 ? (inside, null, null)
                : rest.StartsWith(':') ? (inside, rest[1..], null)
                : ("", null, "after ']' only ':port' may follow");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0)
        {
            return ("", null, "an IPv6 address goes in brackets, as [::1] or [::1]:5432");
        }

        var name = colon < 0 ? text : text[..colon];
        var bad = name.Where(character => !IsHostNameCharacter(character)).Take(1).ToList();
        return bad.Count > 0
            ? ("", null, $"'{bad[0]}' cannot be in a host name (letters, digits, '.', '-' and '_')")
            : (name, colon < 0 ? null : text[(colon + 1)..], null);
    }

    private static bool IsHostNameCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '.' or '-' or '_';
}
