using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Scanning;

/// <summary>
/// The findings as SARIF 2.1.0, the format GitHub code scanning accepts: one rule per finding id (with the
/// security-severity GitHub ranks by), one result per finding at a file and line of the repository, and accepted
/// findings kept but suppressed, with the policy's reason as the justification.
/// </summary>
public static class SarifReport
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <param name="locate">The repository file and line a finding is shown at (an image's findings at its Dockerfile).</param>
    public static string Render(ScanVerdict verdict, Func<ScanFinding, (string Uri, int Line)> locate)
    {
        var findings = verdict.Failing.Concat(verdict.Below).Select(f => (Finding: f, Acceptance: (Acceptance?)null))
            .Concat(verdict.Accepted.Select(a => (Finding: a.Finding, Acceptance: (Acceptance?)a.Acceptance)))
            .ToList();
        var rules = findings.Select(f => f.Finding).DistinctBy(f => f.Id).ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index);

        var sarif = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "Trivy",
                        ["informationUri"] = "https://github.com/aquasecurity/trivy",
                        ["rules"] = new JsonArray(rules.Select(Rule).ToArray<JsonNode?>()),
                    },
                },
                ["results"] = new JsonArray(findings.Select(f => Result(f.Finding, f.Acceptance, ruleIndex[f.Finding.Id], locate(f.Finding))).ToArray<JsonNode?>()),
            }),
        };
        return sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Rule(ScanFinding finding)
    {
        var rule = new JsonObject
        {
            ["id"] = finding.Id,
            ["name"] = finding.Kind.ToString(),
            ["shortDescription"] = new JsonObject { ["text"] = finding.Title.Length > 0 ? finding.Title : finding.Id },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(finding.Severity) },
            ["properties"] = new JsonObject
            {
                ["security-severity"] = SecuritySeverity(finding.Severity),
                ["tags"] = new JsonArray("security", finding.Kind.ToString().ToLowerInvariant(), finding.Severity.ToString().ToUpperInvariant()),
            },
        };
        if (finding.HelpUri is { } uri)
            rule["helpUri"] = uri;
        return rule;
    }

    private static JsonObject Result(ScanFinding finding, Acceptance? acceptance, int ruleIndex, (string Uri, int Line) location)
    {
        var result = new JsonObject
        {
            ["ruleId"] = finding.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding.Severity),
            ["message"] = new JsonObject { ["text"] = $"{finding.Title} ({finding.Target}{(finding.Detail.Length > 0 ? $": {finding.Detail}" : "")})" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = location.Uri, ["uriBaseId"] = "%SRCROOT%" },
                    ["region"] = new JsonObject { ["startLine"] = location.Line },
                },
            }),
        };
        if (acceptance is not null)
        {
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = $"{acceptance.Reason} (accepted until {acceptance.Expires:yyyy-MM-dd})",
            });
        }

        return result;
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    // GitHub's ranges: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9.
    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "2.0",
        _ => "0.0",
    };
}
