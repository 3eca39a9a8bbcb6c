using Pipeline.Versioning;

namespace Pipeline.Release;

/// <summary>
/// CHANGELOG.md: a short preamble, then one section per release, newest first. A release inserts its section
/// above the others; a resumed release reads its notes back from its section.
/// </summary>
public static class Changelog
{
    public const string FileName = "CHANGELOG.md";

    private const string Preamble = "# Changelog\n\nEvery release of this repository, newest first. `./build.sh Release` writes each section from the\nConventional Commits since the release before.\n";

    /// <summary>The file's text with <paramref name="notes"/> above the newest section (a new file when there is none).</summary>
    public static string Prepend(string? existing, ReleaseNotes notes)
    {
        var text = (existing ?? Preamble).Replace("\r\n", "\n", StringComparison.Ordinal);
        var newest = text.StartsWith("## ", StringComparison.Ordinal) ? 0
            : text.IndexOf("\n## ", StringComparison.Ordinal) is var found and >= 0 ? found + 1
            : -1;
        return newest >= 0 ? text[..newest] + notes.Section + "\n" + text[newest..] : text.TrimEnd('\n') + "\n\n" + notes.Section;
    }

    /// <summary>The section of a version, or null when the file has none.</summary>
    public static ReleaseNotes? Find(string? text, SemanticVersion version)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"## {version} ", StringComparison.Ordinal) || l.StartsWith($"## [{version}]", StringComparison.Ordinal));
        if (start < 0)
            return null;
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var body = string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]).Trim();
        return new ReleaseNotes(lines[start], body);
    }
}
