namespace Pipeline.Delivery.Smoke;

/// <summary>Every check's result from one run against a base address, in the order they ran.</summary>
public sealed record SmokeReport(Uri BaseAddress, IReadOnlyList<SmokeCheckResult> Results)
{
    public bool Passed => Results.All(result => result.Passed);

    public IEnumerable<SmokeCheckResult> Failures => Results.Where(result => !result.Passed);

    /// <summary>The first failed check's line, or null when all passed: the reason a pre-traffic check gives.</summary>
    public string? FirstFailure => Failures.FirstOrDefault()?.Line;

    /// <summary>"smoke test: 4 of 4 checks passed against http://…" or "smoke test: 2 of 4 checks failed against http://…".</summary>
    public string Summary
    {
        get
        {
            var failed = Failures.Count();
            return failed == 0
                ? $"smoke test: {Results.Count} of {Results.Count} checks passed against {BaseAddress}"
                : $"smoke test: {failed} of {Results.Count} checks failed against {BaseAddress}";
        }
    }

    /// <summary>One line per check for the log: "passed live: GET http://…/health/live returned 200 {…} (12 ms)".</summary>
    public IEnumerable<string> Lines =>
        Results.Select(result => $"{(result.Passed ? "passed" : "FAILED")} {result.Line} ({ElapsedText.Format(result.Duration)})");
}
