namespace Pipeline.Scanning;

/// <summary>The findings as the console shows them: a count per severity and kind, then the findings at the threshold and above.</summary>
public static class FindingsTable
{
    public static IReadOnlyList<string> Lines(ScanVerdict verdict)
    {
        var all = verdict.Failing.Concat(verdict.Accepted.Select(a => a.Finding)).Concat(verdict.Below).ToList();
        var lines = new List<string> { $"{"Severity",-10} {"Vulnerability",13} {"Misconfig",10} {"Secret",7}" };
        foreach (var severity in Enum.GetValues<Severity>().Reverse())
        {
            int Count(FindingKind kind) => all.Count(f => f.Severity == severity && f.Kind == kind);
            lines.Add($"{severity.ToString().ToUpperInvariant(),-10} {Count(FindingKind.Vulnerability),13} {Count(FindingKind.Misconfiguration),10} {Count(FindingKind.Secret),7}");
        }

        foreach (var finding in verdict.Failing)
            lines.Add($"FAIL      {Describe(finding)}");
        foreach (var (finding, acceptance) in verdict.Accepted)
            lines.Add($"ACCEPTED  {Describe(finding)} — until {acceptance.Expires:yyyy-MM-dd}: {acceptance.Reason}");
        return lines;
    }

    private static string Describe(ScanFinding f) =>
        $"{f.Severity.ToString().ToUpperInvariant()} {f.Id} {f.Title} — {f.Target}{(f.Line is { } line ? $":{line}" : "")}{(f.Detail.Length > 0 ? $" ({f.Detail})" : "")}";
}
