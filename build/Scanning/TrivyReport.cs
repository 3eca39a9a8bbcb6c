using System.Text.Json;

namespace Pipeline.Scanning;

/// <summary>
/// A Trivy JSON report (schema version 2) read into findings: vulnerabilities, failed misconfiguration checks and
/// secrets of every result. Anything else (another scanner's JSON, a table, a SARIF file) is refused in one line.
/// </summary>
public sealed record TrivyReport(string ArtifactName, IReadOnlyList<ScanFinding> Findings, bool HasPackageResults)
{
    public static TrivyReport Load(string path, string shownAs)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FileNotFoundException)
        {
            throw new InvalidDataException($"{shownAs} does not exist.");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{shownAs} is not a Trivy JSON report (schema version 2): {e.Message}", e);
        }
    }

    public static TrivyReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("SchemaVersion", out var version))
            throw new InvalidDataException("it has no SchemaVersion");
        if (version.ValueKind != JsonValueKind.Number)
            throw new InvalidDataException($"SchemaVersion is {JsonValueText.Describe(version)}, not the number 2");
        if (!version.TryGetInt32(out var number) || number != 2)
            throw new InvalidDataException($"SchemaVersion is {version.GetRawText()}, not 2");
        var results = root.TryGetProperty("Results", out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : [];
        var findings = results.SelectMany(ReadResult).ToList();
        var hasPackages = results.Any(r => Text(r, "Class") is "os-pkgs" or "lang-pkgs");
        return new TrivyReport(Text(root, "ArtifactName") ?? "", findings, hasPackages);
    }

    private static IEnumerable<ScanFinding> ReadResult(JsonElement result)
    {
        var target = Text(result, "Target") ?? "";
        foreach (var v in Items(result, "Vulnerabilities"))
        {
            var package = $"{Text(v, "PkgName")} {Text(v, "InstalledVersion")}";
            yield return new ScanFinding(Required(v, "VulnerabilityID"), FindingKind.Vulnerability, SeverityOf(v), Text(v, "Title") ?? Required(v, "VulnerabilityID"), target, null)
            {
                Detail = Text(v, "FixedVersion") is { Length: > 0 } fixedIn ? $"{package}, fixed in {fixedIn}" : $"{package}, no fix yet",
                HelpUri = Text(v, "PrimaryURL"),
            };
        }

        foreach (var m in Items(result, "Misconfigurations").Where(m => Text(m, "Status") is null or "FAIL"))
        {
            var line = m.TryGetProperty("CauseMetadata", out var cause) && cause.TryGetProperty("StartLine", out var start) && start.TryGetInt32(out var number) && number > 0 ? number : (int?)null;
            yield return new ScanFinding(Text(m, "ID") ?? Required(m, "AVDID"), FindingKind.Misconfiguration, SeverityOf(m), Text(m, "Title") ?? "", target, line)
            {
                Detail = Text(m, "Message") ?? Text(m, "Description") ?? "",
                HelpUri = Text(m, "PrimaryURL"),
            };
        }

        foreach (var s in Items(result, "Secrets"))
        {
            var line = s.TryGetProperty("StartLine", out var start) && start.TryGetInt32(out var number) && number > 0 ? number : (int?)null;
            yield return new ScanFinding(Required(s, "RuleID"), FindingKind.Secret, SeverityOf(s), Text(s, "Title") ?? "", target, line)
            {
                Detail = Text(s, "Match") ?? "", // Trivy masks the secret itself in Match
            };
        }
    }

    private static Severity SeverityOf(JsonElement item) =>
        Enum.TryParse<Severity>(Text(item, "Severity"), ignoreCase: true, out var severity) ? severity : Severity.Unknown;

    private static IEnumerable<JsonElement> Items(JsonElement result, string name) =>
        result.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Required(JsonElement element, string name) =>
        Text(element, name) ?? throw new InvalidDataException($"a finding has no {name}");
}
