using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Answer = BuildTests.LocalHttpServer.Answer;

namespace BuildTests.Release;

/// <summary>
/// The release client against a local server that answers as GitHub does when a rate limit holds a request
/// (docs.github.com, "Rate limits for the REST API"): 403 or 429 with X-RateLimit-* or Retry-After, then the answer.
/// The waits are on a virtual clock, so a minute's wait takes none.
/// </summary>
public sealed class GitHubRateLimitTests : IDisposable
{
    private static readonly GitHubRepositoryName Repository = new("octo", "app");
    private readonly VirtualClock clock = new();
    private readonly DateTimeOffset start;
    private readonly ConcurrentQueue<Func<Answer>> script = new();
    private readonly LocalHttpServer server;
    private readonly GitHubClient client;

    public GitHubRateLimitTests()
    {
        start = clock.UtcNow;
        server = new LocalHttpServer(_ => script.TryDequeue(out var next) ? next() : new Answer(500, """{"message":"nothing scripted"}"""));
        client = new GitHubClient(server.Address, "test-token", clock);
    }

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }

    [Fact]
    public async Task A_primary_limit_is_waited_out_until_it_resets_then_the_request_is_sent_again()
    {
        script.Enqueue(() => Primary(TimeSpan.FromSeconds(30)));
        script.Enqueue(() => new Answer(200, ReleaseJson()));

        var release = await client.FindReleaseByTagAsync(Repository, "v1.0.0", CancellationToken.None);

        Assert.Equal("v1.0.0", release?.TagName);
        Assert.Equal(TimeSpan.FromSeconds(31), clock.UtcNow - start); // the reset, and a second: it is a whole second
        Assert.Equal(["GET /repos/octo/app/releases/tags/v1.0.0", "GET /repos/octo/app/releases/tags/v1.0.0"], Requests());
    }

    [Fact]
    public async Task A_429_waits_the_seconds_Retry_After_names()
    {
        script.Enqueue(() => new Answer(429, SecondaryMessage, new Dictionary<string, string> { ["Retry-After"] = "5" }));
        script.Enqueue(() => new Answer(201, ReleaseJson()));

        var created = await client.CreateReleaseAsync(Repository, new NewRelease("v1.0.0", "v1.0.0", "notes", Prerelease: false), CancellationToken.None);

        Assert.Equal(1000L, created.Id);
        Assert.Equal(TimeSpan.FromSeconds(5), clock.UtcNow - start);
        Assert.Equal(["POST /repos/octo/app/releases", "POST /repos/octo/app/releases"], Requests());
    }

    [Fact]
    public async Task A_secondary_limit_without_Retry_After_waits_a_minute_and_sends_the_whole_upload_again()
    {
        script.Enqueue(() => new Answer(403, SecondaryMessage));
        script.Enqueue(() => new Answer(201, """{"id":7,"name":"notes.txt","state":"uploaded"}"""));
        var release = new GitHubRelease(1000, "v1.0.0", "https://github.com/octo/app/releases/tag/v1.0.0", $"{server.Address}uploads/assets{{?name,label}}", []);

        var uploaded = await client.UploadAssetAsync(release, "notes.txt", "Notes", Encoding.UTF8.GetBytes("Hello, world!\n"), "text/plain", CancellationToken.None);

        Assert.True(uploaded.IsUploaded);
        Assert.Equal(TimeSpan.FromMinutes(1), clock.UtcNow - start);
        Assert.Equal(["POST /uploads/assets", "POST /uploads/assets"], Requests());
        Assert.All(server.Received, request => Assert.Equal("Hello, world!\n", request.Body));
    }

    [Fact]
    public async Task A_limit_that_lasts_longer_than_a_release_waits_is_one_line_saying_when_it_resets()
    {
        script.Enqueue(() => Primary(TimeSpan.FromMinutes(40)));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.FindReleaseByTagAsync(Repository, "v1.0.0", CancellationToken.None));

        Assert.Equal(
            "GitHub's primary rate limit stopped GET repos/octo/app/releases/tags/v1.0.0 (HTTP 403: API rate limit exceeded for installation ID 1.): "
            + "the token's 5000 requests an hour are used up until it resets at 12:40:00 UTC, in 40 min, longer than a release waits (120s). "
            + "Run Release again then: it finishes what this run started.",
            error.Message);
        Assert.Equal(start, clock.UtcNow);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task The_waits_of_one_request_add_up_to_the_bound_and_no_further()
    {
        for (var i = 0; i < 3; i++)
            script.Enqueue(() => new Answer(403, SecondaryMessage, new Dictionary<string, string> { ["Retry-After"] = "60" }));
        script.Enqueue(() => new Answer(200, "[]"));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.ListAssetsAsync(Repository, 1000, CancellationToken.None));

        Assert.StartsWith("GitHub's secondary rate limit stopped GET repos/octo/app/releases/1000/assets (HTTP 403: You have exceeded a secondary rate limit.", error.Message, StringComparison.Ordinal);
        Assert.Contains("GitHub asks to wait 60s, until 12:03:00 UTC, after 3 tries and 120s of waiting, longer than a release waits (120s).", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(2), clock.UtcNow - start);
        Assert.Equal(3, server.Received.Count);
    }

    [Fact]
    public async Task Zero_second_waits_end_after_five_tries()
    {
        for (var i = 0; i < 6; i++)
            script.Enqueue(() => new Answer(429, SecondaryMessage, new Dictionary<string, string> { ["Retry-After"] = "0" }));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.ListAssetsAsync(Repository, 1000, CancellationToken.None));

        Assert.EndsWith("GitHub asks to wait 0s, until 12:00:00 UTC, after 5 tries and 0s of waiting, and 5 tries are as many as a release makes. Run Release again then: it finishes what this run started.", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, server.Received.Count);
    }

    [Fact]
    public async Task A_403_that_is_no_rate_limit_fails_at_once_in_one_line()
    {
        script.Enqueue(() => new Answer(403, """{"message":"Resource not accessible by integration","status":"403"}""",
            new Dictionary<string, string> { ["X-RateLimit-Limit"] = "5000", ["X-RateLimit-Remaining"] = "4999", ["X-RateLimit-Reset"] = Epoch(clock.UtcNow.AddHours(1)) }));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.DeleteAssetAsync(Repository, 7, CancellationToken.None));

        Assert.Equal(
            "GitHub answered DELETE repos/octo/app/releases/assets/7 with 403 Forbidden: Resource not accessible by integration. Check the repository name and that the token may write its contents.",
            error.Message);
        Assert.Equal(start, clock.UtcNow);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Requests_carry_the_token_and_pin_the_API_version()
    {
        script.Enqueue(() => new Answer(200, ReleaseJson()));

        await client.FindReleaseByTagAsync(Repository, "v1.0.0", CancellationToken.None);

        var request = Assert.Single(server.Received);
        Assert.Equal("token test-token", request.Headers["Authorization"], ignoreCase: true);
        Assert.Equal("2022-11-28", request.Headers["X-GitHub-Api-Version"]);
    }

    private const string SecondaryMessage =
        """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}""";

    /// <summary>GitHub's answer when the token's requests of the hour are used up, resetting <paramref name="resetsIn"/> from now.</summary>
    private Answer Primary(TimeSpan resetsIn) => new(403,
        """{"message":"API rate limit exceeded for installation ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""",
        new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5000",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Used"] = "5000",
            ["X-RateLimit-Resource"] = "core",
            ["X-RateLimit-Reset"] = Epoch(clock.UtcNow + resetsIn),
        });

    private string ReleaseJson() =>
        $$"""{"id":1000,"tag_name":"v1.0.0","html_url":"https://github.com/octo/app/releases/tag/v1.0.0","upload_url":"{{server.Address}}uploads/assets{?name,label}","assets":[]}""";

    private static string Epoch(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private string[] Requests() => [.. server.Received.Select(r => $"{r.Method} {r.Path}")];
}
