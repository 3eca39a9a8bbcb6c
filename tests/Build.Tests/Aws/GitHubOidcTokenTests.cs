using System.Text;
using Amazon.Runtime;
using Engine;

namespace BuildTests.Aws;

/// <summary>
/// GitHub's OIDC token as the default chain's web identity: fetched from a local server standing in for GitHub's
/// token endpoint, exchanged by AWSSDK.Core's chain at moto's STS for the role's credentials.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class GitHubOidcTokenTests
{
    // Shaped like GitHub's ID token (header.claims.signature); moto's STS does not verify it, AWS would.
    private static readonly string IdToken = string.Join('.', Base64Url("""{"alg":"RS256","typ":"JWT"}"""),
        Base64Url("""{"sub":"repo:octo/app:environment:staging","aud":"sts.amazonaws.com"}"""), Base64Url("signature"));

    [Fact]
    public void The_token_is_asked_for_sts_audience_with_the_bearer_and_registered_as_a_secret()
    {
        using var github = new LocalHttpServer(_ => new LocalHttpServer.Answer(200, $$"""{"count":1,"value":"{{IdToken}}"}"""));
        using var client = new HttpClient();

        var token = GitHubOidcToken.Fetch(new Uri(github.Address, "token?api-version=2.0"), "request-token", client);

        var request = Assert.Single(github.Received);
        Assert.Equal(IdToken, token);
        Assert.Equal("Bearer request-token", request.Headers["Authorization"]);
        Assert.Contains(IdToken, BuildOutput.Current.Secrets.Values);
    }

    [Fact]
    public void The_audience_is_appended_to_the_query_github_gives()
    {
        string? query = null;
        using var github = new LocalHttpServer(_ => new LocalHttpServer.Answer(200, $$"""{"value":"{{IdToken}}"}"""));
        using var client = new HttpClient(new QueryRecorder(q => query = q));

        GitHubOidcToken.Fetch(new Uri(github.Address, "token?api-version=2.0"), "request-token", client);

        Assert.Equal("?api-version=2.0&audience=sts.amazonaws.com", query);
    }

    [Theory]
    [InlineData(403, "{\"message\":\"denied\"}", "GitHub's OIDC token endpoint answered HTTP 403: no web identity for AWS_ROLE_ARN.")]
    [InlineData(200, "{\"count\":0}", "GitHub's OIDC token endpoint answered without a token (no \"value\" in its JSON).")]
    [InlineData(200, "not json", "GitHub's OIDC token endpoint answered without a token (no \"value\" in its JSON).")]
    public void A_refusal_or_an_answer_without_a_token_is_one_line(int status, string body, string message)
    {
        using var github = new LocalHttpServer(_ => new LocalHttpServer.Answer(status, body));
        using var client = new HttpClient();

        var error = Assert.Throws<InvalidOperationException>(() => GitHubOidcToken.Fetch(new Uri(github.Address, "token"), "request-token", client));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void In_a_github_job_without_id_token_permission_a_role_is_one_line_saying_what_to_grant()
    {
        using var scope = new EnvironmentScope(new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/deploy",
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = null,
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = null,
        });

        var error = Assert.Throws<InvalidOperationException>(() => GitHubOidcToken.ProvideForDefaultChain());

        Assert.Contains("give it permissions: id-token: write", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_in_the_environment_or_a_token_file_given_leave_the_chain_alone()
    {
        using var scope = new EnvironmentScope(new()
        {
            ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/deploy",
            ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLE",
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "http://127.0.0.1:9/never-asked",
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "request-token",
        });

        Assert.Null(GitHubOidcToken.ProvideForDefaultChain());
    }

    [MotoFact]
    public void The_default_chain_assumes_the_role_with_the_token_github_gave_the_job()
    {
        using var github = new LocalHttpServer(_ => new LocalHttpServer.Answer(200, $$"""{"count":1,"value":"{{IdToken}}"}"""));
        var temp = TestPaths.NewTemporaryRoot();
        using var scope = new EnvironmentScope(new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_RUN_ATTEMPT"] = "2",
            ["RUNNER_TEMP"] = temp,
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = new Uri(github.Address, "token?api-version=2.0").ToString(),
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "request-token",
            ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/deploy",
            ["AWS_ENDPOINT_URL_STS"] = Services.Address(Services.Moto),
            ["AWS_REGION"] = "eu-west-1",
            // Nothing else the chain could take first: no keys, profile or token file of this machine.
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["AWS_ROLE_SESSION_NAME"] = null,
            ["AWS_CONFIG_FILE"] = Path.Combine(temp, "no-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(temp, "no-credentials"),
        });

        try
        {
            var connection = AwsConnection.FromDefaultChain("eu-west-1");
            var credentials = connection.Credentials.GetCredentials();
            var tokenFile = Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE")!;

            Assert.IsType<AssumeRoleWithWebIdentityCredentials>(connection.Credentials);
            Assert.StartsWith("ASIA", credentials.AccessKey, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(credentials.Token));
            Assert.Contains(credentials.SecretKey, BuildOutput.Current.Secrets.Values);
            Assert.Single(github.Received);
            Assert.Equal(IdToken, File.ReadAllText(tokenFile));
            Assert.StartsWith(temp.ToString(), tokenFile, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
            Assert.Equal("github-4242-2", Environment.GetEnvironmentVariable("AWS_ROLE_SESSION_NAME"));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Tells the query each request was sent with, then sends it on.</summary>
    private sealed class QueryRecorder(Action<string> seen) : DelegatingHandler(new HttpClientHandler())
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen(request.RequestUri!.Query);
            return base.Send(request, cancellationToken);
        }
    }
}
