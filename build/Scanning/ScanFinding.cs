namespace Pipeline.Scanning;

/// <summary>What a scanner found, whatever the scanner: the policy, the table and the SARIF report work from this.</summary>
/// <param name="Id">CVE-…, a Dockerfile check (DS002) or a secret rule (aws-access-key-id).</param>
/// <param name="Target">Where: a file of the repository, or the image and its package.</param>
public sealed record ScanFinding(string Id, FindingKind Kind, Severity Severity, string Title, string Target, int? Line)
{
    /// <summary>The package and version for a vulnerability, the message for a misconfiguration or secret.</summary>
    public string Detail { get; init; } = "";

    public string? HelpUri { get; init; }
}

public enum FindingKind
{
    Vulnerability,
    Misconfiguration,
    Secret,
}

/// <summary>Trivy's severities, lowest first.</summary>
public enum Severity
{
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}
