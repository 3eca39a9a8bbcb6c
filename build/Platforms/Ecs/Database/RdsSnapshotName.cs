using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// The names MigrateDb gives its RDS snapshots, &lt;app&gt;-&lt;env&gt;-&lt;yyyyMMdd-HHmmss&gt; (UTC), and the only names RestoreDb
/// accepts on AWS: a valid RDS identifier of that shape, so never a path or an ARN of someone else's snapshot.
/// </summary>
internal static partial class RdsSnapshotName
{
    public const string Stamp = "yyyyMMdd-HHmmss";

    public static string For(string prefix, DateTimeOffset time) => Parse($"{prefix}-{time.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)}");

    /// <summary>The name, or an exception saying why it is not the name of a snapshot MigrateDb takes.</summary>
    public static string Parse(string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        return Fits(given)
            ? given
            : throw new InvalidOperationException(
                $"'{given}' is not the name of an RDS snapshot MigrateDb took: expected a bare name such as app-staging-20250101-120000 "
                + "(letters, digits and single hyphens, ending in the UTC time), not a path or an ARN");
    }

    /// <summary>Whether the name has the shape MigrateDb gives (automated snapshots, "rds:…", do not).</summary>
    public static bool Fits(string name) => Shape().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    // RDS: at most 255 characters, a letter first, letters, digits and hyphens, no two hyphens in a row.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,230}-[0-9]{8}-[0-9]{6}$")]
    private static partial Regex Shape();
}
