using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// The schema versions before and after, read from the migrate command's own lines in the task's log (the task's
/// report file stays in its container): "…: at V2, 1 pending up to V3", "migrated V2 to V3 in 40 ms", "up to date at V3".
/// Null when the tail does not hold them.
/// </summary>
internal static partial class MigrationLogVersions
{
    public static (long? Before, long? After) Read(IEnumerable<string> lines)
    {
        long? before = null, after = null;
        foreach (var line in lines)
        {
            if (State().Match(line) is { Success: true } state)
                before ??= Number(state.Groups["at"]);
            if (Migrated().Match(line) is { Success: true } migrated)
                (before, after) = (Number(migrated.Groups["from"]), Number(migrated.Groups["to"]));
            if (UpToDate().Match(line) is { Success: true } current)
                after = before = Number(current.Groups["at"]);
        }

        return (before, after);
    }

    private static long Number(Group group) => long.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@": at V(?<at>\d{1,18})\b")]
    private static partial Regex State();

    [GeneratedRegex(@"^migrated V(?<from>\d{1,18}) to V(?<to>\d{1,18}) in ")]
    private static partial Regex Migrated();

    [GeneratedRegex(@"^up to date at V(?<at>\d{1,18})$")]
    private static partial Regex UpToDate();
}
