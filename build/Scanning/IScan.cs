using Engine;
using Pipeline.Images;
using Pipeline.IO;
using Pipeline.Tools;

namespace Pipeline.Scanning;

/// <summary>
/// The Scan component: Trivy on the image BuildImage recorded and on the repository, judged by the repository's
/// policy; SARIF 2.1.0 (for code scanning), the CycloneDX SBOM and Trivy's JSON reports land in artifacts/scan/.
/// With ScanReport it judges a Trivy JSON report made elsewhere instead (a job that has a vulnerability database).
/// </summary>
public interface IScan : IBuildImage
{
    [Parameter("Scan policy file: severities that fail and accepted findings")]
    string ScanPolicyFile => TryGetValue(() => ScanPolicyFile) ?? ScanPolicy.DefaultFile;

    [Parameter("A Trivy JSON report to judge instead of running Trivy")]
    string? ScanReport => TryGetValue(() => ScanReport);

    [Parameter("Trivy executable, on PATH unless a path; TRIVY_EXE, when set, overrides the default")]
    string TrivyExecutable => TryGetValue(() => TrivyExecutable) ?? "trivy";

    AbsolutePath ScanDirectory => ArtifactsDirectory / "scan";

    /// <summary>The name the given report is kept under in artifacts/scan, beside the SARIF made from it.</summary>
    const string GivenReportCopy = "trivy-report.json";

    Target Scan => _ => _
        .Description("Scan the image and the repository with Trivy; fail on the policy's severities; SARIF and SBOM into artifacts/scan")
        .After<IBuildImage>(x => x.BuildImage)
        .TryBefore<IPushEcr>(x => x.PushEcr) // an image that fails its scan is never pushed (when both run)
        .Produces("artifacts/scan/**")
        .Requires(() => ScanInputs.Confirm(this))
        .Executes(async cancellation =>
        {
            // Everything that can be wrong with the input is found before Trivy runs for minutes.
            var policy = ScanPolicy.Load(RootDirectory / ScanPolicyFile, $"{ScanPolicyFile} (--scan-policy-file)");
            var given = ScanReport is { } path ? TrivyReport.Load(RootDirectory / path, $"{path} (--scan-report)") : null;
            var image = given is null ? ImageRecord.Read(ArtifactsDirectory, RootDirectory) : null;
            AtomicFile.EnsureWritableDirectory(ArtifactsDirectory, RootDirectory);

            // Written aside and moved into place at the end: artifacts/scan never holds half a scan.
            var staging = (ArtifactsDirectory / $".scan-{Guid.NewGuid():N}").CreateDirectory();
            try
            {
                // Kept because the summary points at artifacts/scan for the reports; copied into the staging folder
                // before artifacts/scan is replaced, which also keeps a given report that was inside it.
                if (given is not null)
                    File.Copy(RootDirectory / ScanReport!, staging / GivenReportCopy);
                var (reports, notChecked) = given is not null
                    ? ([given], given.HasPackageResults ? null : "vulnerabilities: the given report holds no package results")
                    : await RunTrivy(image!, staging, cancellation);
                var findings = reports.SelectMany(r => r.Findings).ToList();
                var verdict = ScanVerdict.Evaluate(policy, findings, DateOnly.FromDateTime(DateTime.UtcNow));
                foreach (var line in FindingsTable.Lines(verdict))
                    Log.Information(line);
                AtomicFile.WriteAllText(staging / "scan.sarif", SarifReport.Render(verdict, SarifLocation));
                if (Directory.Exists(ScanDirectory))
                    Directory.Delete(ScanDirectory, recursive: true);
                Directory.Move(staging, ScanDirectory);

                var summary = verdict.Line(policy, notChecked);
                Log.Information(summary);
                ReportSummary(summary);
                if (!verdict.Passed)
                    throw new InvalidOperationException($"{summary} (policy: {ScanPolicyFile}; reports: {ScanDirectory.RelativeTo(RootDirectory)})");
            }
            finally
            {
                if (Directory.Exists(staging))
                    Directory.Delete(staging, recursive: true);
            }
        });

    /// <summary>A repository file's finding at its line; the image's findings at the Dockerfile that made the image.</summary>
    private (string Uri, int Line) SarifLocation(ScanFinding finding) =>
        finding.Kind != FindingKind.Vulnerability && File.Exists(RootDirectory / finding.Target)
            ? (finding.Target, finding.Line ?? 1)
            : ((ServiceProject.Parent / "Dockerfile").RelativeTo(RootDirectory), 1);

    private async Task<(IReadOnlyList<TrivyReport> Reports, string? NotChecked)> RunTrivy(ImageRecord image, AbsolutePath staging, CancellationToken cancellation)
    {
        var notChecked = await new TrivyScan(new Trivy(TrivyExecutable), staging).RunAsync(image.LocalReference(image.ContentTag), RootDirectory, cancellation);
        var reports = new[] { TrivyScan.ImageReport, TrivyScan.RepositoryReport }.Select(name => TrivyReport.Load(staging / name, name)).ToList();
        return (reports, notChecked);
    }
}
