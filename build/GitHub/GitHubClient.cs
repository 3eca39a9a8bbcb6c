using System.Net;
using System.Text.RegularExpressions;
using Octokit;
using Octokit.Internal;
using Pipeline.Waiting;
using OctokitAsset = Octokit.ReleaseAsset;
using OctokitRelease = Octokit.Release;

namespace Pipeline.GitHub;

/// <summary>
/// The few GitHub REST calls a release needs, made with Octokit and answered in our own types, so nothing else in the
/// build sees Octokit (and the assembly loads only when a target calls GitHub). The base URL is used as given:
/// https://api.github.com/, https://HOST/api/v3/ on GitHub Enterprise, or a test server. A failed call throws
/// <see cref="GitHubApiException"/> (one line: the request, the HTTP status and GitHub's message); a rate-limited one
/// is sent again after the wait GitHub asks for, when that fits <see cref="MaxRateLimitWait"/>.
/// </summary>
public sealed partial class GitHubClient : IDisposable
{
    /// <summary>The longest a call waits for GitHub's rate limits in all: a release job holds its runner meanwhile.</summary>
    public static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMinutes(2);

    /// <summary>The most tries of one call, however short the waits GitHub asks for (Retry-After: 0 again and again).</summary>
    private const int MaxTries = 5;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly HttpClientAdapter http;
    private readonly Octokit.GitHubClient octokit;
    private readonly IDeployClock clock;
    private readonly TimeSpan maxRateLimitWait;

    public GitHubClient(Uri apiBase, string token, IDeployClock? clock = null, TimeSpan? maxRateLimitWait = null)
    {
        // Octokit's own GitHubClient(…, Uri) appends api/v3/ to any host but api.github.com; its Connection takes the
        // base as given. Relative paths append only to a base that ends in '/'; GITHUB_API_URL has none.
        var baseAddress = apiBase.AbsoluteUri.EndsWith('/') ? apiBase : new Uri(apiBase.AbsoluteUri + "/");
        http = new HttpClientAdapter(() => new ApiVersionHandler(HttpMessageHandlerFactory.CreateDefault()));
        // The token goes to the upload host too, which the API names in upload_url: only where GitHub points.
        var connection = new Connection(new ProductHeaderValue("app-pipeline-release"), baseAddress,
            new InMemoryCredentialStore(new Credentials(token)), http, new SimpleJsonSerializer());
        connection.SetRequestTimeout(Timeout);
        octokit = new Octokit.GitHubClient(connection);
        this.clock = clock ?? SystemDeployClock.Instance;
        this.maxRateLimitWait = maxRateLimitWait ?? MaxRateLimitWait;
    }

    /// <summary>The published release of a tag, or null when there is none.</summary>
    public Task<GitHubRelease?> FindReleaseByTagAsync(GitHubRepositoryName repository, string tag, CancellationToken cancellation) =>
        CallAsync($"GET repos/{repository}/releases/tags/{tag}", async () =>
        {
            try
            {
                return Map(await octokit.Repository.Release.Get(repository.Owner, repository.Name, tag));
            }
            catch (NotFoundException)
            {
                return null;
            }
        }, cancellation);

    public Task<GitHubRelease> CreateReleaseAsync(GitHubRepositoryName repository, NewRelease release, CancellationToken cancellation) =>
        CallAsync($"POST repos/{repository}/releases", async () => Map(await octokit.Repository.Release.Create(repository.Owner, repository.Name,
            new Octokit.NewRelease(release.TagName) { Name = release.Name, Body = release.Body, Prerelease = release.Prerelease })), cancellation);

    /// <summary>Every asset of a release, all pages.</summary>
    public Task<IReadOnlyList<GitHubAsset>> ListAssetsAsync(GitHubRepositoryName repository, long releaseId, CancellationToken cancellation) =>
        CallAsync<IReadOnlyList<GitHubAsset>>($"GET repos/{repository}/releases/{releaseId}/assets",
            async () => [.. (await octokit.Repository.Release.GetAllAssets(repository.Owner, repository.Name, releaseId)).Select(Map)], cancellation);

    public Task DeleteAssetAsync(GitHubRepositoryName repository, long assetId, CancellationToken cancellation) =>
        CallAsync($"DELETE repos/{repository}/releases/assets/{assetId}", async () =>
        {
            await octokit.Repository.Release.DeleteAsset(repository.Owner, repository.Name, checked((int)assetId));
            return true;
        }, cancellation);

    /// <summary>
    /// Uploads a file to the release's upload_url; 422 already_exists when the name is taken. Octokit's UploadAsset
    /// sends the name only (a label would cost a second request), so this posts to the same address with both.
    /// </summary>
    public Task<GitHubAsset> UploadAssetAsync(GitHubRelease release, string name, string? label, byte[] content, string contentType, CancellationToken cancellation)
    {
        var query = "?name=" + Uri.EscapeDataString(name) + (label is null ? "" : "&label=" + Uri.EscapeDataString(label));
        var url = new Uri(UriTemplateExpression().Replace(release.UploadUrl, "") + query);
        var api = new ApiConnection(octokit.Connection);
        return CallAsync($"upload of {name} to release {release.TagName}",
            async () => Map(await api.Post<OctokitAsset>(url, new MemoryStream(content), null, contentType, cancellation)), cancellation);
    }

    public void Dispose() => http.Dispose();

    /// <summary>
    /// One call, sent again while GitHub's rate limit holds it and the waits fit the bound; Octokit's errors become one
    /// line each. Octokit's release calls take no cancellation: a cancelled build stops waiting for them.
    /// </summary>
    private async Task<T> CallAsync<T>(string request, Func<Task<T>> call, CancellationToken cancellation)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().WaitAsync(cancellation);
            }
            catch (ApiException e) when (RateLimitOf(e) is { } limit)
            {
                if (attempt == MaxTries || waited + limit.Wait > maxRateLimitWait)
                    throw new GitHubApiException(limit.Describe(request, e, clock.UtcNow, attempt, waited, maxRateLimitWait), e);
                Engine.Log.Information($"GitHub's {limit.Kind} rate limit held {request} (HTTP {(int)e.StatusCode}): sending it again in {limit.Wait.TotalSeconds:0}s, at {clock.UtcNow + limit.Wait:HH:mm:ss} UTC (try {attempt + 1})");
                await clock.DelayAsync(limit.Wait, cancellation);
                waited += limit.Wait;
            }
            catch (ApiException e)
            {
                throw new GitHubApiException(request, e.StatusCode, OneLine(e.ApiError?.Message), [.. e.ApiError?.Errors?.Select(d => d.Code).OfType<string>() ?? []], e);
            }
            catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
            {
                throw new GitHubApiException($"GitHub did not answer {request} within {Timeout.TotalMinutes:0} min.", e);
            }
        }
    }

    /// <summary>
    /// What GitHub's answer says about waiting (docs.github.com, "rate limits for the REST API"): Retry-After seconds
    /// when given; else, with X-RateLimit-Remaining 0, until X-RateLimit-Reset; else, for a secondary limit or a 429,
    /// a minute. Null for an answer that is no rate limit (a 403 for a token that may not write, say).
    /// </summary>
    private RateLimit? RateLimitOf(ApiException e)
    {
        if (e.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests) || e.HttpResponse is not { } response)
            return null;
        if (Header(response, "Retry-After") is { } retryAfter && int.TryParse(retryAfter, out var seconds) && seconds >= 0)
            return new RateLimit("secondary", TimeSpan.FromSeconds(seconds), null);
        if (Header(response, "X-RateLimit-Remaining") == "0" && response.ApiInfo?.RateLimit is { } primary)
        {
            // The reset is a whole second: a second more, so the retry does not arrive just before it.
            var untilReset = primary.Reset - clock.UtcNow + TimeSpan.FromSeconds(1);
            return new RateLimit("primary", untilReset > TimeSpan.Zero ? untilReset : TimeSpan.Zero, primary);
        }

        return e is SecondaryRateLimitExceededException or AbuseException || e.StatusCode == HttpStatusCode.TooManyRequests
            ? new RateLimit("secondary", TimeSpan.FromMinutes(1), null)
            : null;
    }

    private static string? Header(IResponse response, string name) =>
        response.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    /// <summary>GitHub's message on one line; none for a body that is no message (a proxy's HTML page).</summary>
    private static string? OneLine(string? message) =>
        message?.Trim() is not { Length: > 0 } text || text.StartsWith('<') ? null
        : text.ReplaceLineEndings(" ") is var line && line.Length > 300 ? line[..300] + "…" : line;

    private static GitHubRelease Map(OctokitRelease release) =>
        new(release.Id, release.TagName, release.HtmlUrl, release.UploadUrl, [.. (release.Assets ?? []).Select(Map)]);

    private static GitHubAsset Map(OctokitAsset asset) => new(asset.Id, asset.Name, asset.State);

    [GeneratedRegex(@"\{[^}]*\}$")]
    private static partial Regex UriTemplateExpression();

    /// <param name="Kind">primary (the token's requests an hour) or secondary (too many at once, or content made too fast).</param>
    /// <param name="Primary">The primary limit's numbers, when that is the one exhausted.</param>
    private sealed record RateLimit(string Kind, TimeSpan Wait, Octokit.RateLimit? Primary)
    {
        /// <summary>The one line for a limit the run will not wait out: when it lifts, and that a new run finishes the release.</summary>
        public string Describe(string request, ApiException e, DateTimeOffset now, int tries, TimeSpan waited, TimeSpan bound)
        {
            var what = Primary is { } limit ? $"the token's {limit.Limit} requests an hour are used up until it resets at {limit.Reset:HH:mm:ss} UTC, {In(limit.Reset - now)}"
                : $"GitHub asks to wait {Wait.TotalSeconds:0}s, until {now + Wait:HH:mm:ss} UTC";
            var after = tries > 1 ? $"after {tries} tries and {waited.TotalSeconds:0}s of waiting, " : "";
            var beyond = tries == MaxTries ? $"and {MaxTries} tries are as many as a release makes" : $"longer than a release waits ({bound.TotalSeconds:0}s)";
            return $"GitHub's {Kind} rate limit stopped {request} (HTTP {(int)e.StatusCode}: {OneLine(e.ApiError?.Message) ?? "no message"}): {what}, "
                + $"{after}{beyond}. Run Release again then: it finishes what this run started.";
        }

        private static string In(TimeSpan time) => time < TimeSpan.FromMinutes(2) ? $"in {Math.Max(0, time.TotalSeconds):0}s" : $"in {time.TotalMinutes:0} min";
    }

    /// <summary>Pins the REST API version the calls were written for (GitHub's advice; Octokit sends none).</summary>
    private sealed class ApiVersionHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
