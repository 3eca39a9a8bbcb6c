using Engine;
using Pipeline.Tools;

namespace Pipeline.Scanning;

/// <summary>
/// Runs Trivy on the image (vulnerabilities, secrets; and the SBOM from the same report) and on the repository
/// (misconfigurations, secrets), writing the JSON reports into a folder. Without a vulnerability database it says so
/// and scans for the rest: the result then carries that vulnerabilities were not checked.
/// </summary>
internal sealed class TrivyScan(Trivy trivy, AbsolutePath output)
{
    public const string ImageReport = "trivy-image.json";
    public const string RepositoryReport = "trivy-repository.json";
    public const string Sbom = "sbom.cdx.json";

    /// <summary>Why vulnerabilities were not checked, or null when they were.</summary>
    public async Task<string?> RunAsync(string? image, AbsolutePath repository, CancellationToken cancellation)
    {
        string? notChecked = null;
        if (image is not null)
        {
            var database = await trivy.DownloadDatabase(cancellation) || DatabaseIsCached();
            if (!database)
            {
                notChecked = "vulnerabilities NOT checked: Trivy has no vulnerability database (it could not be downloaded)";
                Log.Warning($"{notChecked}; scanning the image for secrets only");
            }

            await trivy.ScanImage(image, database ? ["vuln", "secret"] : ["secret"], output / ImageReport, cancellation);
            await trivy.ConvertToCycloneDx(output / ImageReport, output / Sbom, cancellation);
        }

        await trivy.ScanRepository(repository, output / RepositoryReport, cancellation);
        return notChecked;
    }

    /// <summary>A database from an earlier download, which Trivy uses as it is when a refresh fails.</summary>
    private static bool DatabaseIsCached()
    {
        var cache = BuildEnvironment.Get("TRIVY_CACHE_DIR") is { Length: > 0 } configured ? configured
            : Path.Combine(BuildEnvironment.Get("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "trivy");
        return File.Exists(Path.Combine(cache, "db", "trivy.db"));
    }
}
