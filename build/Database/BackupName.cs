using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Database;

/// <summary>
/// The names MigrateDb gives its backups, &lt;database&gt;-&lt;UTC time&gt;-v&lt;schema version&gt;, and the only names RestoreDb
/// accepts: a bare name of that shape, never a path, so a restore can only read what this tool wrote.
/// </summary>
internal static partial class BackupName
{
    public const string Extension = ".dump";

    public static string For(string database, DateTimeOffset time, long version) =>
        $"{Unsafe().Replace(database, "_")}-{time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture)}-v{version}";

    /// <summary>The name without its extension, or an exception saying why it is not a backup name.</summary>
    public static string Parse(string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var name = given.EndsWith(Extension, StringComparison.Ordinal) ? given[..^Extension.Length] : given;
        return Shape().IsMatch(name)
            ? name
            : throw new InvalidOperationException(
                $"'{given}' is not the name of a backup MigrateDb made: expected a bare name such as notes-20250101T120000.000Z-v3 "
                + "(as listed in artifacts/backups), not a path");
    }

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,63}-[0-9]{8}T[0-9]{6}\.[0-9]{3}Z-v[0-9]{1,18}$")]
    private static partial Regex Shape();
}
