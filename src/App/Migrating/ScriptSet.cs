namespace App.Migrating;

/// <summary>
/// The scripts one build of the service carries, checked as a whole before anything runs: every .sql file named
/// by the pattern, with a known marker, and no version twice. All problems are reported at once, each naming its file.
/// </summary>
public sealed class ScriptSet
{
    private ScriptSet(IReadOnlyList<MigrationScript> scripts) => Scripts = scripts;

    /// <summary>Ordered by version.</summary>
    public IReadOnlyList<MigrationScript> Scripts { get; }

    /// <summary>The version a database needs for this build of the service: that of its newest script, 0 without any.</summary>
    public long LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    public MigrationScript? Find(long version) => Scripts.FirstOrDefault(script => script.Version == version);

    public static ScriptSet Load(IEnumerable<ScriptText> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        var scripts = new List<MigrationScript>();
        foreach (var file in files.Where(file => ScriptFile.IsCandidate(file.FileName)).OrderBy(file => file.FileName, StringComparer.Ordinal))
        {
            try
            {
                scripts.Add(ScriptFile.Parse(file.FileName, file.Text));
            }
            catch (MigrationException e)
            {
                problems.Add(e.Message);
            }
        }

        foreach (var sameVersion in scripts.GroupBy(script => script.Version).Where(group => group.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", sameVersion.Select(script => script.FileName))}: two files with version {sameVersion.Key}; give one of them the next free version");
        }

        return problems.Count == 0
            ? new ScriptSet([.. scripts.OrderBy(script => script.Version)])
            : throw new MigrationException(string.Join(Environment.NewLine, problems));
    }
}
