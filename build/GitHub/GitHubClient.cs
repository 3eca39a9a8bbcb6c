using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.GitHub;

/// <summary>
/// The few GitHub REST calls a release needs, typed, over HttpClient (Octokit is not in our package sources). The
/// base URL is https://api.github.com/, https://HOST/api/v3/ on GitHub Enterprise, or a test server. A failed call
/// throws <see cref="GitHubApiException"/>.
/// </summary>
public sealed partial class GitHubClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient http;
    private readonly Uri apiBase;

    public GitHubClient(Uri apiBase, string token, HttpMessageHandler? handler = null)
    {
        // Relative paths append only to a base that ends in '/'; GITHUB_API_URL has none.
        this.apiBase = apiBase.AbsoluteUri.EndsWith('/') ? apiBase : new Uri(apiBase.AbsoluteUri + "/");
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = TimeSpan.FromMinutes(5);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github.v3+json");
        http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
        http.DefaultRequestHeaders.UserAgent.ParseAdd("app-pipeline-release");
        // Sent to the upload host too, which the API names in upload_url: the token goes only where GitHub points.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
    }

    /// <summary>The published release of a tag, or null when there is none.</summary>
    public async Task<GitHubRelease?> FindReleaseByTagAsync(GitHubRepositoryName repository, string tag, CancellationToken cancellation)
    {
        var path = $"repos/{repository}/releases/tags/{Uri.EscapeDataString(tag)}";
        using var response = await http.GetAsync(new Uri(apiBase, path), cancellation);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<GitHubRelease>(response, $"GET {path}", cancellation);
    }

    public async Task<GitHubRelease> CreateReleaseAsync(GitHubRepositoryName repository, NewRelease release, CancellationToken cancellation)
    {
        var path = $"repos/{repository}/releases";
        using var response = await http.PostAsJsonAsync(new Uri(apiBase, path), release, Json, cancellation);
        return await ReadAsync<GitHubRelease>(response, $"POST {path}", cancellation);
    }

    /// <summary>Every asset of a release, following the Link header's pages.</summary>
    public async Task<IReadOnlyList<GitHubAsset>> ListAssetsAsync(GitHubRepositoryName repository, long releaseId, CancellationToken cancellation)
    {
        var assets = new List<GitHubAsset>();
        var path = $"repos/{repository}/releases/{releaseId}/assets";
        for (Uri? page = new(apiBase, path); page is not null;)
        {
            using var response = await http.GetAsync(page, cancellation);
            assets.AddRange(await ReadAsync<List<GitHubAsset>>(response, $"GET {path}", cancellation));
            page = NextPage(response);
        }

        return assets;
    }

    public async Task DeleteAssetAsync(GitHubRepositoryName repository, long assetId, CancellationToken cancellation)
    {
        var path = $"repos/{repository}/releases/assets/{assetId}";
        using var response = await http.DeleteAsync(new Uri(apiBase, path), cancellation);
        await EnsureSuccessAsync(response, $"DELETE {path}", cancellation);
    }

    /// <summary>Uploads a file to the release's upload_url; 422 already_exists when the name is taken.</summary>
    public async Task<GitHubAsset> UploadAssetAsync(GitHubRelease release, string name, string? label, byte[] content, string contentType, CancellationToken cancellation)
    {
        var query = "?name=" + Uri.EscapeDataString(name) + (label is null ? "" : "&label=" + Uri.EscapeDataString(label));
        var url = new Uri(UriTemplateExpression().Replace(release.UploadUrl, "") + query);
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync(url, body, cancellation);
        return await ReadAsync<GitHubAsset>(response, $"upload of {name} to release {release.TagName}", cancellation);
    }

    public void Dispose() => http.Dispose();

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string request, CancellationToken cancellation)
    {
        await EnsureSuccessAsync(response, request, cancellation);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellation)
            ?? throw new GitHubApiException($"GitHub answered {request} with an empty body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string request, CancellationToken cancellation)
    {
        if (response.IsSuccessStatusCode)
            return;
        var text = await response.Content.ReadAsStringAsync(cancellation);
        var error = TryParseError(text);
        throw new GitHubApiException(request, response.StatusCode, error?.Message, error?.Errors?.Select(e => e.Code).OfType<string>().ToList() ?? []);
    }

    private static ErrorBody? TryParseError(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<ErrorBody>(text, Json);
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML page: the status alone will have to do
        }
    }

    private static Uri? NextPage(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links) && NextLink().Match(string.Join(",", links)) is { Success: true } match
            ? new Uri(match.Groups["url"].Value)
            : null;

    private sealed record ErrorBody(string? Message, IReadOnlyList<ErrorEntry>? Errors);

    private sealed record ErrorEntry(string? Code);

    [GeneratedRegex(@"\{[^}]*\}$")]
    private static partial Regex UriTemplateExpression();

    [GeneratedRegex(@"<(?<url>[^>]+)>;\s*rel=""next""")]
    private static partial Regex NextLink();
}
