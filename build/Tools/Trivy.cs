using Engine;

namespace Pipeline.Tools;

/// <summary>
/// Typed calls of Trivy. The executable is the one given (a parameter), else TRIVY_EXE, else trivy on PATH. Reports
/// are written as JSON (schema version 2): the pipeline reads findings from that, never from Trivy's tables.
/// </summary>
internal sealed class Trivy(string executable)
{
    // Build output, dependencies and artefacts are not the repository's sources, and .git would only repeat them.
    private static readonly string[] SkippedDirectories = ["**/bin", "**/obj", "**/node_modules", "artifacts", ".nuke/temp", ".git"];

    /// <summary>Fetches or refreshes the vulnerability database; false when that is not possible (offline).</summary>
    public async Task<bool> DownloadDatabase(CancellationToken cancellation) =>
        (await ToolRunner.RunUncheckedAsync(Invocation(["image", "--download-db-only", "--no-progress", "--quiet"]) with { Timeout = TimeSpan.FromMinutes(5) }, cancellation)).ExitCode == 0;

    /// <summary>Scans a local image (from the engine at DOCKER_HOST), with every package listed so an SBOM can be made from the report.</summary>
    public Task<ToolResult> ScanImage(string image, IReadOnlyList<string> scanners, AbsolutePath report, CancellationToken cancellation) =>
        ToolRunner.RunAsync(
            Invocation([
                "image", "--format", "json", "--output", report, "--list-all-pkgs", "--skip-db-update", "--no-progress", "--quiet",
                "--scanners", string.Join(",", scanners), image,
            ]),
            cancellation);

    /// <summary>Scans a folder for misconfigurations (Dockerfiles …) and secrets.</summary>
    public Task<ToolResult> ScanRepository(AbsolutePath root, AbsolutePath report, CancellationToken cancellation) =>
        ToolRunner.RunAsync(
            Invocation([
                "fs", "--format", "json", "--output", report, "--no-progress", "--quiet", "--scanners", "config,secret",
                .. SkippedDirectories.SelectMany(d => new[] { "--skip-dirs", d }), root,
            ]),
            cancellation);

    /// <summary>A CycloneDX SBOM from a JSON report made with --list-all-pkgs.</summary>
    public Task<ToolResult> ConvertToCycloneDx(AbsolutePath report, AbsolutePath sbom, CancellationToken cancellation) =>
        ToolRunner.RunAsync(Invocation(["convert", "--format", "cyclonedx", "--output", sbom, "--quiet", report]), cancellation);

    private ToolInvocation Invocation(string[] arguments) => new(executable, arguments) { Timeout = TimeSpan.FromMinutes(15) };
}
