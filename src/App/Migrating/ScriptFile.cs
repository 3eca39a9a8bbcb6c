using System.Globalization;
using System.Text.RegularExpressions;

namespace App.Migrating;

/// <summary>Reads one file into a <see cref="MigrationScript"/>, or says what is wrong with it, naming the file.</summary>
public static partial class ScriptFile
{
    public const string Pattern = "V<version>__<description>.sql";
    public const string NoTransactionMarker = "no-transaction";
    public const string ContractMarker = "contract";

    /// <summary>Whether the migrator must read this file: every .sql file is a script, so a misnamed one is an error, not ignored.</summary>
    public static bool IsCandidate(string fileName) => fileName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    public static MigrationScript Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var name = NamePattern().Match(fileName);
        if (!name.Success || !long.TryParse(name.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new MigrationException($"{fileName}: the name does not match {Pattern} (e.g. V2__add_tags.sql; version a whole number, description letters, digits, _ and -)");
        }

        var markers = Markers(fileName, text);
        return new MigrationScript(
            version,
            name.Groups["description"].Value.Replace('_', ' '),
            fileName,
            ScriptChecksum.Compute(text),
            SqlStatements.Split(text),
            RunsInTransaction: !markers.Contains(NoTransactionMarker),
            IsContract: markers.Contains(ContractMarker));
    }

    // A misspelt marker would silently run a CREATE INDEX CONCURRENTLY script in a transaction (and fail), or let a
    // contract step through unchecked; so any "-- migrate:" line must be one of the known markers.
    private static HashSet<string> Markers(string fileName, string text)
    {
        var markers = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = MarkerLine().Match(lines[i]);
            if (!marker.Success)
            {
                continue;
            }

            var word = marker.Groups["marker"].Value;
            markers.Add(word is NoTransactionMarker or ContractMarker
                ? word
                : throw new MigrationException($"{fileName} line {i + 1}: unknown marker 'migrate:{word}' (known: migrate:{NoTransactionMarker}, migrate:{ContractMarker})"));
        }

        return markers;
    }

    [GeneratedRegex(@"^V(?<version>[0-9]{1,18})__(?<description>[A-Za-z0-9][A-Za-z0-9_-]*)\.sql$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\s*--\s*migrate:(?<marker>\S*)\s*$")]
    private static partial Regex MarkerLine();
}
