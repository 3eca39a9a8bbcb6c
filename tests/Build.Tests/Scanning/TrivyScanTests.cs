namespace BuildTests.Scanning;

/// <summary>Real Trivy over a repository with a planted secret and a Dockerfile that runs as root.</summary>
public class TrivyScanTests
{
    [TrivyFact]
    public async Task A_planted_secret_and_a_runsAsRootdockerfile_fail_the_policy_until_accepted_and_again_once_expired()
    {
        var root = TestPaths.NewTemporaryRoot();
        try
        {
            // Made here, not committed: a key in the repository would be found by the repository's own Scan.
            var key = "AKIA" + string.Concat(Guid.NewGuid().ToString("N").ToUpperInvariant().Where(char.IsLetterOrDigit).Take(16));
            (root / "config").CreateDirectory();
            File.WriteAllText(root / "config" / "app.env", $"REGION=eu-west-1\nAWS_ACCESS_KEY_ID={key}\n");
            File.WriteAllText(root / "Dockerfile", "FROM debian:12\nUSER root\nCMD [\"sleep\", \"1\"]\n");
            var report = root / "report.json";

            await new Trivy("trivy").ScanRepository(root, report, CancellationToken.None);
            var findings = TrivyReport.Load(report, "report.json").Findings;

            var secret = Assert.Single(findings, f => f.Kind == FindingKind.Secret);
            Assert.Equal(("aws-access-key-id", "config/app.env", 2), (secret.Id, secret.Target, secret.Line));
            Assert.DoesNotContain(key, secret.Detail, StringComparison.Ordinal);
            var runsAsRoot = Assert.Single(findings, f => f.Id == "DS002");
            Assert.Equal((Severity.High, "Dockerfile"), (runsAsRoot.Severity, runsAsRoot.Target));

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.False(ScanVerdict.Evaluate(ScanPolicy.Default, findings, today).Passed);
            Assert.True(ScanVerdict.Evaluate(Accepting(today.AddDays(30)), findings, today).Passed);
            var expired = ScanVerdict.Evaluate(Accepting(today.AddDays(-1)), findings, today);
            Assert.False(expired.Passed);
            Assert.Equal(2, expired.Expired.Count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static ScanPolicy Accepting(DateOnly until) => ScanPolicy.Parse($$"""
        { "accepted": [
            { "id": "aws-access-key-id", "reason": "fixture key, never valid", "expires": "{{until:yyyy-MM-dd}}" },
            { "id": "DS002", "reason": "fixture Dockerfile", "expires": "{{until:yyyy-MM-dd}}" } ] }
        """);
}
