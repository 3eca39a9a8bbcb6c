using System.Text;

namespace Engine.Output;

/// <summary>The table printed at the end of a build, as text and as GitHub-flavoured Markdown.</summary>
internal static class SummaryTable
{
    public static string Text(IReadOnlyList<TargetResult> results, TimeSpan total)
    {
        var rows = Rows(results);
        var nameWidth = Math.Max("Target".Length, rows.Select(r => r.Target.Name.Length).DefaultIfEmpty(0).Max());
        const int statusWidth = 10;
        var line = new string('─', nameWidth + statusWidth + 30);
        var text = new StringBuilder()
            .AppendLine(line)
            .AppendLine($"{"Target".PadRight(nameWidth)}  {"Status".PadRight(statusWidth)}  {"Duration",8}  Result")
            .AppendLine(line);
        foreach (var row in rows)
            text.AppendLine($"{row.Target.Name.PadRight(nameWidth)}  {row.Status,-statusWidth}  {Duration(row),8}  {row.Summary}".TrimEnd());
        return text
            .AppendLine(line)
            .AppendLine($"{"Total".PadRight(nameWidth)}  {"",statusWidth}  {DurationText.Format(total),8}")
            .Append(line)
            .ToString();
    }

    /// <summary>Secrets are masked in each cell before Markdown escaping, which would otherwise hide them from the masker.</summary>
    public static string Markdown(IReadOnlyList<TargetResult> results, TimeSpan total, bool succeeded, SecretMasker secrets)
    {
        var text = new StringBuilder()
            .AppendLine(succeeded ? "### Build succeeded" : "### Build failed")
            .AppendLine()
            .AppendLine("| Target | Status | Duration | Result |")
            .AppendLine("|---|---|---:|---|");
        foreach (var row in Rows(results))
            text.AppendLine($"| {row.Target.Name} | {row.Status} | {Duration(row)} | {secrets.Redact(row.Summary ?? "").Replace("|", "\\|", StringComparison.Ordinal)} |");
        return text.AppendLine($"| **Total** | | {DurationText.Format(total)} | |").ToString();
    }

    private static List<TargetResult> Rows(IReadOnlyList<TargetResult> results) =>
        results.Where(r => !r.Target.IsCollective).ToList();

    private static string Duration(TargetResult row) =>
        row.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted ? DurationText.Format(row.Duration) : "";
}
