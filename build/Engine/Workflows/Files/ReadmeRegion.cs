using System.Text;

namespace Engine.Workflows;

/// <summary>
/// The part of README.md between <c>&lt;!-- generated:workflows --&gt;</c> and its closing marker: every workflow's
/// triggers and job graph. Text outside the markers is the author's; a README without them is left alone.
/// </summary>
public static class ReadmeRegion
{
    public const string Start = "<!-- generated:workflows -->";
    public const string End = "<!-- /generated:workflows -->";

    /// <summary>The README with the region replaced, or null when it has no (well-ordered) markers.</summary>
    public static string? Replace(string readme, IReadOnlyList<GeneratedWorkflow> workflows)
    {
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
            return null;
        return string.Concat(readme.AsSpan(0, start + Start.Length), "\n", Render(workflows), readme.AsSpan(end));
    }

    public static string Render(IReadOnlyList<GeneratedWorkflow> workflows)
    {
        var text = new StringBuilder();
        foreach (var workflow in workflows)
        {
            var declaration = workflow.Plan.Declaration;
            text.Append($"#### {declaration.Name} — [`{workflow.Path}`]({workflow.Path})\n\n");
            text.Append($"Runs on {TriggerText.Describe(declaration.On)}.\n\n");
            text.Append(workflow.Mermaid).Append('\n');
        }

        return text.ToString();
    }
}
