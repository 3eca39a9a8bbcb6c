using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Pipeline.Images;

/// <summary>
/// Reads manifests from an OCI registry over its HTTP API (/v2/): what a tag points to, without pulling. Plain HTTP for
/// a registry on the loopback address (as Docker allows), HTTPS otherwise; Basic credentials when given (ECR takes its
/// Docker login this way).
/// </summary>
internal sealed class RegistryClient(string registry, RegistryCredentials? credentials = null) : IDisposable
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.index.v1+json",
    ];

    private readonly HttpClient http = new() { BaseAddress = BaseAddress(registry), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The manifest a tag points to, or null when the repository has no such tag.</summary>
    public async Task<RegistryManifest?> FindManifest(string repository, string tag, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{tag}");
        foreach (var type in ManifestTypes)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        if (credentials is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException($"Cannot reach the registry at {http.BaseAddress}: {e.Message}", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                return null;
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"The registry at {http.BaseAddress} answered {(int)response.StatusCode} {response.ReasonPhrase} for {repository}:{tag}.");
            var body = await response.Content.ReadAsByteArrayAsync(cancellation);
            var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : RegistryManifest.DigestOf(body);
            return RegistryManifest.Parse(digest, body);
        }
    }

    public void Dispose() => http.Dispose();

    private static Uri BaseAddress(string registry)
    {
        var host = registry.Split(':')[0];
        var loopback = host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        return new Uri($"{(loopback ? "http" : "https")}://{registry}/");
    }
}

public sealed record RegistryCredentials(string Username, string Password);

/// <summary>A manifest's digest and, for a single image, its config digest, which is the image id Docker shows locally.</summary>
internal sealed record RegistryManifest(string Digest, string? ConfigDigest)
{
    public static RegistryManifest Parse(string digest, byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var config = document.RootElement.TryGetProperty("config", out var element) && element.TryGetProperty("digest", out var configDigest)
            ? configDigest.GetString()
            : null;
        return new RegistryManifest(digest, config);
    }

    public static string DigestOf(byte[] body) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
}
