using System.Globalization;

namespace App.Migrating;

/// <summary>
/// Checks the scripts against what the database has recorded, before anything runs: an applied script that was
/// edited or deleted, or a new script numbered below one already applied, stops the run naming the file. Rows above
/// the newest script are allowed: they belong to a newer version of the service, and an older one (still serving
/// during a blue/green deploy, or rolled back to) must be able to check the database without failing on them.
/// </summary>
public static class HistoryValidation
{
    public static void Check(ScriptSet scripts, IReadOnlyList<AppliedScript> applied)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        ArgumentNullException.ThrowIfNull(applied);
        var problems = new List<string>();
        foreach (var row in applied.Where(row => row.Version <= scripts.LatestVersion))
        {
            var script = scripts.Find(row.Version);
            if (script is null)
            {
                problems.Add($"{row.Script}: applied on {Date(row)} but missing from the migrations; put the file back as it was");
            }
            else if (script.Checksum != row.Checksum)
            {
                problems.Add($"{script.FileName}: changed since it was applied on {Date(row)} (checksum {row.Checksum[..12]}… is now {script.Checksum[..12]}…); "
                    + "undo the edit and put the change in a new script");
            }
        }

        var newestApplied = applied.Count == 0 ? 0 : applied.Max(row => row.Version);
        var appliedVersions = applied.Select(row => row.Version).ToHashSet();
        foreach (var script in scripts.Scripts.Where(script => script.Version < newestApplied && !appliedVersions.Contains(script.Version)))
        {
            problems.Add($"{script.FileName}: not applied, but the database already has V{newestApplied}; give it a version above {newestApplied}");
        }

        if (problems.Count > 0)
        {
            throw new MigrationException(string.Join(Environment.NewLine, problems));
        }
    }

    private static string Date(AppliedScript row) => row.AppliedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ssZ", CultureInfo.InvariantCulture);
}
