namespace BuildTests.Scanning;

public class TrivyReportTests
{
    public const string Sample = """
        {
          "SchemaVersion": 2,
          "ArtifactName": "app:content-1",
          "ArtifactType": "container_image",
          "Results": [
            {
              "Target": "app:content-1 (debian 12.5)", "Class": "os-pkgs", "Type": "debian",
              "Vulnerabilities": [
                { "VulnerabilityID": "CVE-2024-0001", "PkgName": "libssl3", "InstalledVersion": "3.0.11-1", "FixedVersion": "3.0.13-1",
                  "Severity": "HIGH", "Title": "openssl: a flaw", "PrimaryURL": "https://avd.aquasec.com/nvd/cve-2024-0001" },
                { "VulnerabilityID": "CVE-2024-0002", "PkgName": "tzdata", "InstalledVersion": "2024a", "Severity": "LOW" }
              ]
            },
            {
              "Target": "src/App/Dockerfile", "Class": "config", "Type": "dockerfile",
              "Misconfigurations": [
                { "ID": "DS002", "AVDID": "AVD-DS-0002", "Title": "Image user should not be 'root'", "Message": "Specify a non-root user",
                  "Severity": "HIGH", "Status": "FAIL", "CauseMetadata": { "StartLine": 4, "EndLine": 4 } },
                { "ID": "DS005", "Title": "ADD instead of COPY", "Severity": "LOW", "Status": "PASS" }
              ]
            },
            {
              "Target": "config/app.env", "Class": "secret",
              "Secrets": [ { "RuleID": "aws-access-key-id", "Category": "AWS", "Severity": "CRITICAL", "Title": "AWS Access Key ID", "StartLine": 2, "Match": "KEY=********" } ]
            }
          ]
        }
        """;

    [Fact]
    public void Vulnerabilities_failed_checks_and_secrets_become_findings()
    {
        var report = TrivyReport.Parse(Sample);

        Assert.Equal("app:content-1", report.ArtifactName);
        Assert.True(report.HasPackageResults);
        Assert.Equal(
            [
                ("CVE-2024-0001", FindingKind.Vulnerability, Severity.High, (int?)null),
                ("CVE-2024-0002", FindingKind.Vulnerability, Severity.Low, null),
                ("DS002", FindingKind.Misconfiguration, Severity.High, 4),
                ("aws-access-key-id", FindingKind.Secret, Severity.Critical, 2),
            ],
            report.Findings.Select(f => (f.Id, f.Kind, f.Severity, f.Line)));
        Assert.Equal("libssl3 3.0.11-1, fixed in 3.0.13-1", report.Findings[0].Detail);
        Assert.Equal("tzdata 2024a, no fix yet", report.Findings[1].Detail);
    }

    [Theory]
    [InlineData("not json at all", "report.json is not a Trivy JSON report (schema version 2): ")]
    [InlineData("""{"version":"2.1.0","runs":[]}""", "report.json is not a Trivy JSON report (schema version 2): it has no SchemaVersion")]
    [InlineData("""{"SchemaVersion":1,"Results":[]}""", "report.json is not a Trivy JSON report (schema version 2): SchemaVersion is 1, not 2")]
    [InlineData("""{"SchemaVersion":2,"Results":[{"Target":"x","Vulnerabilities":[{"Severity":"HIGH"}]}]}""", "report.json is not a Trivy JSON report (schema version 2): a finding has no VulnerabilityID")]
    public void Anything_else_is_refused_in_one_line(string text, string expected)
    {
        using var file = new TemporaryFile(text);
        var error = Assert.Throws<InvalidDataException>(() => TrivyReport.Load(file.Path, "report.json"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
