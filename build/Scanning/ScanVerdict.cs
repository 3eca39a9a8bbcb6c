namespace Pipeline.Scanning;

/// <summary>
/// A policy applied to findings on a given day: which fail the build, which are accepted (and until when), which are
/// below the threshold, and which acceptances have expired, so the build fails again on them.
/// </summary>
public sealed record ScanVerdict(
    IReadOnlyList<ScanFinding> Failing,
    IReadOnlyList<(ScanFinding Finding, Acceptance Acceptance)> Accepted,
    IReadOnlyList<ScanFinding> Below,
    IReadOnlyList<Acceptance> Expired)
{
    public bool Passed => Failing.Count == 0;

    public static ScanVerdict Evaluate(ScanPolicy policy, IReadOnlyList<ScanFinding> findings, DateOnly today)
    {
        var failing = new List<ScanFinding>();
        var accepted = new List<(ScanFinding, Acceptance)>();
        var below = new List<ScanFinding>();
        var expired = new HashSet<Acceptance>();
        foreach (var finding in findings)
        {
            if (!policy.FailOn.Contains(finding.Severity))
            {
                below.Add(finding);
                continue;
            }

            var acceptance = policy.Accepted.FirstOrDefault(a => string.Equals(a.Id, finding.Id, StringComparison.OrdinalIgnoreCase));
            if (acceptance is not null && acceptance.Expires >= today)
            {
                accepted.Add((finding, acceptance));
                continue;
            }

            if (acceptance is not null)
                expired.Add(acceptance);
            failing.Add(finding);
        }

        return new ScanVerdict(failing, accepted, below, expired.ToList());
    }

    /// <summary>One line for the summary table, e.g. "2 at HIGH/CRITICAL (1 secret, 1 misconfiguration); 1 accepted".</summary>
    public string Line(ScanPolicy policy, string? notChecked)
    {
        var threshold = string.Join("/", policy.FailOn.Order().Select(s => s.ToString().ToUpperInvariant()));
        var parts = new List<string>
        {
            Passed
                ? $"nothing at {threshold} outside the accepted"
                : $"{Failing.Count} at {threshold} ({string.Join(", ", Failing.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {KindName(g.Key, g.Count())}"))})",
        };
        if (Accepted.Count > 0)
            parts.Add($"{Accepted.Count} accepted");
        if (Expired.Count > 0)
            parts.Add($"{Expired.Count} acceptance(s) expired: {string.Join(", ", Expired.Select(a => $"{a.Id} on {a.Expires:yyyy-MM-dd}"))}");
        if (notChecked is not null)
            parts.Add(notChecked);
        return string.Join("; ", parts);
    }

    private static string KindName(FindingKind kind, int count) => kind switch
    {
        FindingKind.Vulnerability => count == 1 ? "vulnerability" : "vulnerabilities",
        FindingKind.Misconfiguration => count == 1 ? "misconfiguration" : "misconfigurations",
        _ => count == 1 ? "secret" : "secrets",
    };
}
