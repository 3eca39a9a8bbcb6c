using System.Text.RegularExpressions;

namespace App.Migrating.Compatibility;

/// <summary>
/// The differences between the catalog the serving version was built against and a later one that can break it:
/// a relation or column it may use dropped or renamed, a column's type changed, or a column that its inserts may
/// leave out becoming NOT NULL without a default. Everything else (new tables, new nullable columns, new indexes,
/// a varchar made longer) is an expand step and passes. Each change is one sentence; equal sentences are one change.
/// </summary>
public static partial class BreakingChanges
{
    public static IReadOnlyList<string> Between(CatalogSnapshot serving, CatalogSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(next);
        var changes = new List<string>();
        foreach (var before in serving.Relations.Values)
        {
            if (!next.Relations.TryGetValue(before.Oid, out var after))
            {
                changes.Add($"drops {before.Kind} {before.Name}, which the serving version may still use");
                continue;
            }

            if (after.Name != before.Name)
            {
                changes.Add($"renames {before.Kind} {before.Name} to {after.Name}, which the serving version may still use by its old name");
            }

            changes.AddRange(ColumnChanges(before, after));
        }

        return changes;
    }

    private static IEnumerable<string> ColumnChanges(CatalogRelation before, CatalogRelation after)
    {
        foreach (var column in before.Columns.Values)
        {
            var place = $"{before.Name}.{column.Name}";
            if (!after.Columns.TryGetValue(column.Number, out var now))
            {
                yield return $"drops column {place}, which the serving version may still use";
                continue;
            }

            if (now.Name != column.Name)
            {
                yield return $"renames column {place} to {now.Name}, which the serving version may still use by its old name";
            }

            if (now.Type != column.Type && !Widens(column.Type, now.Type))
            {
                yield return $"changes the type of {place} from {column.Type} to {now.Type}, which the serving version may fail to read or write";
            }

            if (MustBeGivenByInserts(now) && !MustBeGivenByInserts(column))
            {
                yield return $"makes {place} NOT NULL without a default, so the serving version's inserts that leave it out fail";
            }
        }

        foreach (var added in after.Columns.Values.Where(column => !before.Columns.ContainsKey(column.Number) && MustBeGivenByInserts(column)))
        {
            yield return $"adds column {before.Name}.{added.Name} NOT NULL without a default, so the serving version's inserts fail";
        }
    }

    private static bool MustBeGivenByInserts(CatalogColumn column) => column.NotNull && !column.FilledByDatabase;

    // A longer varchar, or text, still holds every value the serving version writes and reads back as a string.
    private static bool Widens(string from, string to)
    {
        var before = VarcharLength().Match(from);
        if (!before.Success)
        {
            return false;
        }

        var after = VarcharLength().Match(to);
        return to == "text" || to == "character varying"
            || (after.Success && int.Parse(after.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                >= int.Parse(before.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^character varying\((\d+)\)$")]
    private static partial Regex VarcharLength();
}
