using System.Security.Cryptography;
using System.Text;

namespace App.Migrating;

/// <summary>
/// SHA-256 of a script, with CRLF and CR line endings read as LF: a checkout on Windows (core.autocrlf) must not
/// look like an edit of a script that was applied from Linux.
/// </summary>
public static class ScriptChecksum
{
    public static string Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
