using System.Text;

namespace Engine.Workflows;

/// <summary>
/// A unified diff (as <c>git diff</c> prints it) of two texts, from a longest common subsequence of their lines, with
/// three lines of context. Generated files are small; past a size where the table would be large, every line differs.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;
    private const long MaxCells = 16_000_000;
    private const string NoNewline = "\n\\ No newline at end of file";

    public static string Render(string path, string before, string after)
    {
        var edits = Edits(Lines(before), Lines(after));
        var text = new StringBuilder().Append($"--- a/{path} (committed)\n").Append($"+++ b/{path} (generated)\n");
        var changed = edits.Select((e, i) => (e, i)).Where(x => x.e.Kind != ' ').Select(x => x.i).ToList();
        var index = 0;
        while (index < changed.Count)
        {
            // A hunk runs until two changes are more than twice the context apart.
            var last = index;
            while (last + 1 < changed.Count && changed[last + 1] - changed[last] <= 2 * Context)
                last++;
            AppendHunk(text, edits, Math.Max(0, changed[index] - Context), Math.Min(edits.Count - 1, changed[last] + Context));
            index = last + 1;
        }

        return text.ToString();
    }

    private static void AppendHunk(StringBuilder text, List<Edit> edits, int from, int to)
    {
        var hunk = edits.GetRange(from, to - from + 1);
        var oldCount = hunk.Count(e => e.Kind != '+');
        var newCount = hunk.Count(e => e.Kind != '-');
        var oldStart = edits.Take(from).Count(e => e.Kind != '+') + (oldCount > 0 ? 1 : 0);
        var newStart = edits.Take(from).Count(e => e.Kind != '-') + (newCount > 0 ? 1 : 0);
        text.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
        foreach (var edit in hunk)
            text.Append(edit.Kind).Append(edit.Line).Append('\n');
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        if ((long)a.Length * b.Length > MaxCells)
            return [.. a.Select(l => new Edit('-', l)), .. b.Select(l => new Edit('+', l))];

        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x]));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                // Removals first, as git prints a changed block.
                edits.Add(new Edit('-', a[x++]));
            }
            else
            {
                edits.Add(new Edit('+', b[y++]));
            }
        }

        return edits;
    }

    /// <summary>Lines without their breaks; a missing final break is kept as git shows it, so it counts as a change.</summary>
    private static string[] Lines(string text)
    {
        if (text.Length == 0)
            return [];
        var lines = text.Split('\n');
        if (lines[^1].Length == 0)
            return lines[..^1];
        lines[^1] += NoNewline;
        return lines;
    }

    private sealed record Edit(char Kind, string Line);
}
