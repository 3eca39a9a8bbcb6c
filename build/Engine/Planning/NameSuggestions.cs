using Engine.Targets;

namespace Engine.Planning;

/// <summary>The nearest known names to a misspelt one, by edit distance, for "did you mean" messages.</summary>
public static class NameSuggestions
{
    public static IReadOnlyList<string> Nearest(string input, IEnumerable<string> candidates, int max = 3)
    {
        var wanted = TargetName.Normalize(input);
        return candidates
            .Select(c => (Name: c, Distance: Distance(wanted, TargetName.Normalize(c))))
            .Where(c => c.Distance <= Math.Max(2, wanted.Length / 2) || c.Name.Contains(input, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
