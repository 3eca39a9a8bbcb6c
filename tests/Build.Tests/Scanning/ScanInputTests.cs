using BuildTests.Cli;

namespace BuildTests.Scanning;

/// <summary>
/// Scan's inputs as a user gives them (the compiled build as a process, in a temporary root): a bad parameter is one
/// line and exit 2 before anything runs, a bad file's content one line naming the file and the field, and exit 1.
/// </summary>
public class ScanInputTests
{
    /// <summary>Stands in for Trivy and leaves a mark when started: a bad parameter must stop the build before that.</summary>
    private const string MarkingTrivy = "#!/bin/sh\ntouch \"$(dirname \"$0\")/trivy-started\"\nexit 1\n";

    [Theory]
    [InlineData("scan-polcy.json", "error: Invalid value 'scan-polcy.json' for parameter ScanPolicyFile (--scan-policy-file): no such file (only the default, scan-policy.json, may be absent).")]
    [InlineData("policies", "error: Invalid value 'policies' for parameter ScanPolicyFile (--scan-policy-file): it is a folder, not a file.")]
    [InlineData("", "error: Invalid value '' for parameter ScanPolicyFile (--scan-policy-file): expected a file path.")]
    public async Task A_policy_file_that_is_not_a_file_stops_the_build_before_Trivy_starts(string policyFile, string expected)
    {
        using var build = new CompiledBuild();
        Directory.CreateDirectory(Path.Combine(build.Root, "policies"));
        new ImageRecord("app", ["1.0.0"], "sha256:" + new string('0', 64), "content-0").Write(new Engine.AbsolutePath(Path.Combine(build.Root, "artifacts")).CreateDirectory());
        var trivy = Path.Combine(build.Root, "trivy.sh");
        File.WriteAllText(trivy, MarkingTrivy);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(trivy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var run = await build.RunAsync(null, "Scan", "--scan-policy-file", policyFile, "--trivy-executable", trivy);

        AssertExitAndLine(2, expected, run);
        Assert.False(File.Exists(Path.Combine(build.Root, "trivy-started")), "Trivy must not be started");
        Assert.False(Directory.Exists(Path.Combine(build.Root, "artifacts", "scan")));
    }

    [Theory]
    [InlineData("", "error: Invalid value '' for parameter ScanReport (--scan-report): expected a file path.")]
    [InlineData("reports", "error: Invalid value 'reports' for parameter ScanReport (--scan-report): it is a folder, not a file.")]
    [InlineData("missing/report.json", "error: Invalid value 'missing/report.json' for parameter ScanReport (--scan-report): no such file (the folder missing does not exist).")]
    [InlineData("reports/report.json", "error: Invalid value 'reports/report.json' for parameter ScanReport (--scan-report): no such file.")]
    public async Task A_report_that_is_not_a_file_stops_the_build_before_anything_runs(string report, string expected)
    {
        using var build = new CompiledBuild();
        Directory.CreateDirectory(Path.Combine(build.Root, "reports"));

        var run = await build.RunAsync(null, "Scan", "--scan-report", report);

        AssertExitAndLine(2, expected, run);
        Assert.False(Directory.Exists(Path.Combine(build.Root, "artifacts")));
    }

    [Theory]
    [InlineData("""{ "failOn": [] }""", "failOn is an empty list, which fails nothing (expected one or more of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)")]
    [InlineData("""{ "failOn": "HIGH" }""", """failOn is "HIGH", a string (expected a list such as ["HIGH", "CRITICAL"])""")]
    [InlineData("""{ "failOn": ["HIGH", 4] }""", "failOn[1] is 4, a number (expected one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)")]
    [InlineData("""{ "accepted": [{ "id": "CVE-2024-0001", "reason": "r", "expires": 20261231 }] }""", """accepted[0] expires is 20261231, a number (expected a date string "yyyy-MM-dd")""")]
    [InlineData("""{ "accepted": { "id": "CVE-2024-0001" } }""", "accepted is an object (expected a list of { id, reason, expires })")]
    public async Task A_policy_field_of_the_wrong_kind_is_one_line_naming_the_file_the_field_and_what_is_expected(string policy, string expected)
    {
        using var build = new CompiledBuild();
        File.WriteAllText(Path.Combine(build.Root, "report.json"), TrivyReportTests.Sample);
        File.WriteAllText(Path.Combine(build.Root, "strict-policy.json"), policy);

        var run = await build.RunAsync(null, "Scan", "--scan-report", "report.json", "--scan-policy-file", "strict-policy.json");

        AssertExitAndLine(1, "Scan failed: strict-policy.json (--scan-policy-file) is not a valid scan policy: " + expected, run);
        Assert.False(Directory.Exists(Path.Combine(build.Root, "artifacts", "scan")));
    }

    [Theory]
    [InlineData("2.5", "SchemaVersion is 2.5, not 2")]
    [InlineData("\"2\"", "SchemaVersion is \"2\", a string, not the number 2")]
    [InlineData("null", "SchemaVersion is null, not the number 2")]
    public async Task A_report_schema_version_that_is_not_2_is_one_line_naming_the_file_what_was_found_and_what_is_expected(string version, string expected)
    {
        using var build = new CompiledBuild();
        File.WriteAllText(Path.Combine(build.Root, "report.json"), TrivyReportTests.Sample.Replace("\"SchemaVersion\": 2", $"\"SchemaVersion\": {version}", StringComparison.Ordinal));

        var run = await build.RunAsync(null, "Scan", "--scan-report", "report.json");

        AssertExitAndLine(1, "Scan failed: report.json (--scan-report) is not a Trivy JSON report (schema version 2): " + expected, run);
        Assert.False(Directory.Exists(Path.Combine(build.Root, "artifacts", "scan")));
    }

    [Theory]
    [InlineData("report.json")]
    [InlineData("artifacts/scan/trivy-report.json")] // judging again the copy an earlier run kept
    public async Task The_judged_report_is_kept_beside_the_sarif(string report)
    {
        using var build = new CompiledBuild();
        Directory.CreateDirectory(Path.Combine(build.Root, "artifacts", "scan"));
        File.WriteAllText(Path.Combine(build.Root, report), TrivyReportTests.Sample);

        var run = await build.RunAsync(null, "Scan", "--scan-report", report);

        AssertExitAndLine(1, "Scan failed: 3 at HIGH/CRITICAL (1 vulnerability, 1 misconfiguration, 1 secret) (policy: scan-policy.json; reports: artifacts/scan)", run);
        Assert.Equal(
            ["scan.sarif", "trivy-report.json"],
            Directory.GetFiles(Path.Combine(build.Root, "artifacts", "scan")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(TrivyReportTests.Sample, File.ReadAllText(Path.Combine(build.Root, "artifacts", "scan", "trivy-report.json")));
    }

    /// <summary>The exit code, and the line whole among the output's lines; the output in the message when not.</summary>
    private static void AssertExitAndLine(int code, string line, (int ExitCode, string Output) run) =>
        Assert.True(
            run.ExitCode == code && run.Output.ReplaceLineEndings("\n").Split('\n').Any(l => l.TrimEnd() == line),
            $"expected exit code {code} and the line\n  {line}\ngot exit code {run.ExitCode} and\n{run.Output}");
}
