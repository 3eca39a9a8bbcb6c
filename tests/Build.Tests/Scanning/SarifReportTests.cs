using System.Text.Json;

namespace BuildTests.Scanning;

/// <summary>The SARIF output checked for the 2.1.0 structure GitHub code scanning requires.</summary>
public class SarifReportTests
{
    [Fact]
    public void The_report_has_the_sarif_2_1_0_structure_with_rules_results_locations_and_suppressions()
    {
        var report = TrivyReport.Parse(TrivyReportTests.Sample);
        var policy = ScanPolicy.Parse("""{ "accepted": [{ "id": "CVE-2024-0001", "reason": "no fix deployed yet", "expires": "2099-01-01" }] }""");
        var verdict = ScanVerdict.Evaluate(policy, report.Findings, new DateOnly(2026, 1, 1));

        var sarif = SarifReport.Render(verdict, f => f.Kind == FindingKind.Vulnerability ? ("src/App/Dockerfile", 1) : (f.Target, f.Line ?? 1));
        using var document = JsonDocument.Parse(sarif);
        var root = document.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReport.Schema, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("Trivy", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(rules.Count, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(rules, r => Assert.True(double.TryParse(r.GetProperty("properties").GetProperty("security-severity").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _)));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(rules[index].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.False(Path.IsPathRooted(location.GetProperty("artifactLocation").GetProperty("uri").GetString()));
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }

        var secret = results.Single(r => r.GetProperty("ruleId").GetString() == "aws-access-key-id");
        Assert.Equal("config/app.env", secret.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(2, secret.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var accepted = results.Single(r => r.GetProperty("ruleId").GetString() == "CVE-2024-0001");
        var suppression = Assert.Single(accepted.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("no fix deployed yet (accepted until 2099-01-01)", suppression.GetProperty("justification").GetString());
    }
}
