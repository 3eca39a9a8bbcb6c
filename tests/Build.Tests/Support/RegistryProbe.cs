using System.Net;

namespace BuildTests;

/// <summary>The registry's own answer about a tag (HEAD on its manifest), independent of the code under test.</summary>
internal static class RegistryProbe
{
    public static async Task<string?> ManifestDigest(string registry, string repository, string tag)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{registry}/v2/{repository}/manifests/{tag}");
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.NotFound ? null : response.Headers.GetValues("Docker-Content-Digest").Single();
    }
}
