using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// What the compatibility check in the one-off task (<c>migrate --check</c>) said, read from the migrate command's
/// lines in the task's log, as the versions are (the task's report file stays in its container): passed
/// ("compatible: …"), skipped ("compatibility check skipped: why"), stopped by changes that break the serving version
/// ("migrate: V2__x.sql line 3: drops column …" then "migrate: N change(s) would break …"), or failed itself
/// ("migrate: … the compatibility check …": a lock it could not get, a statement that failed). When the tail does not
/// hold those lines, the exit code still tells: --check exits 0 only when nothing breaks the serving version.
/// </summary>
internal sealed partial record MigrationCheckLog(string Recorded, IReadOnlyList<string> Problems, long CheckMs)
{
    // The service's lines (App.Migrating.MigrateCommand and CompatibilityFinding): its problems on stderr, each after this.
    private const string ProblemPrefix = "migrate: ";
    private const string SkippedPrefix = "compatibility check skipped: ";

    /// <summary>Whether the check stopped the migration: then nothing was applied.</summary>
    public bool Stopped => Problems.Count > 0;

    public static MigrationCheckLog Read(IReadOnlyList<string> lines, bool taskSucceeded)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var checkMs = lines.Select(line => RolledBack().Match(line)).Where(match => match.Success)
            .Select(match => long.Parse(match.Groups["ms"].Value, NumberStyles.None, CultureInfo.InvariantCulture)).LastOrDefault();
        var failures = lines.Where(line => line.StartsWith(ProblemPrefix, StringComparison.Ordinal) && line.Contains("compatibility check", StringComparison.Ordinal))
            .Select(line => line[ProblemPrefix.Length..]).ToList();
        var breaking = lines.Any(line => Breaking().IsMatch(line))
            ? lines.Select(line => Finding().Match(line)).Where(match => match.Success).Select(match => match.Groups["finding"].Value).Except(failures).ToList()
            : [];
        var problems = breaking.Concat(failures).ToList();
        if (problems.Count > 0)
            return new("failed: " + string.Join("; ", problems), problems, checkMs);
        if (lines.Any(line => line.StartsWith("compatible: ", StringComparison.Ordinal)))
            return new("passed", [], checkMs);
        if (lines.FirstOrDefault(line => line.StartsWith(SkippedPrefix, StringComparison.Ordinal)) is { } skipped)
            return new("skipped: " + skipped[SkippedPrefix.Length..], [], checkMs);
        return new(
            taskSucceeded
                ? "not in the task's log, but the task exited 0, which migrate --check does only when nothing breaks the serving version"
                : "not known: the task failed (see error) and its log does not show the check's lines",
            [],
            checkMs);
    }

    [GeneratedRegex(@"^migrate: (?<finding>V\d{1,18}__\S+\.sql line \d+: .+)$")]
    private static partial Regex Finding();

    [GeneratedRegex(@"^migrate: \d+ change\(s\) would break the version now serving")]
    private static partial Regex Breaking();

    [GeneratedRegex(@"^rolled back the check after (?<ms>\d{1,18}) ms")]
    private static partial Regex RolledBack();
}
