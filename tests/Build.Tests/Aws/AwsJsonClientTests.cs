using System.Net;
using Amazon.Runtime;

namespace BuildTests.Aws;

/// <summary>The AWS client's retries and errors against a local server that throttles and fails on purpose.</summary>
public class AwsJsonClientTests
{
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";
    private static readonly AwsRetryPolicy FastRetry = new(MaxAttempts: 4, BaseDelay: TimeSpan.FromMilliseconds(5), MaxDelay: TimeSpan.FromMilliseconds(20));

    [Fact]
    public async Task Succeeds_after_a_few_throttles_with_every_try_signed_anew()
    {
        using var server = new ScriptedHttpServer(
            (HttpStatusCode.BadRequest, Throttled, null),
            (HttpStatusCode.TooManyRequests, "", null),
            (HttpStatusCode.OK, """{"repositories":[]}""", null));
        using var client = Client(server);

        var answer = await client.CallAsync("DescribeRepositories", [], CancellationToken.None);

        Assert.Equal(0, answer.GetProperty("repositories").GetArrayLength());
        Assert.Equal(3, server.Requests);
        Assert.All(server.Seen, s => Assert.Equal("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories", s.Target));
        Assert.All(server.Seen, s => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", s.Authorization, StringComparison.Ordinal));
        Assert.All(server.Seen, s => Assert.Contains("/us-east-1/ecr/aws4_request", s.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_then_one_clear_error()
    {
        using var server = new ScriptedHttpServer((HttpStatusCode.InternalServerError, """{"__type":"ServerException","message":"Something broke"}""", null));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.CallAsync("DescribeRepositories", [], CancellationToken.None));

        Assert.Equal(FastRetry.MaxAttempts, server.Requests);
        Assert.Equal("ServerException", error.Code);
        Assert.Equal("req-4", error.RequestId);
        Assert.Equal("ECR DescribeRepositories failed: ServerException: Something broke (HTTP 500, request id req-4, gave up after 4 tries)", error.Message);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_keeps_its_code_from_the_header()
    {
        using var server = new ScriptedHttpServer((HttpStatusCode.BadRequest, """{"message":"The repository 'x' does not exist"}""", "RepositoryNotFoundException:http://internal.amazon.com/coral/"));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.CallAsync("DescribeRepositories", [], CancellationToken.None));

        Assert.Equal(1, server.Requests);
        Assert.Equal("RepositoryNotFoundException", error.Code);
        Assert.Equal("The repository 'x' does not exist", error.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retried_then_named_in_one_line()
    {
        int port;
        using (var probe = new ScriptedHttpServer((HttpStatusCode.OK, "{}", null)))
            port = probe.Port; // closed again: nothing listens there now
        using var client = new AwsJsonClient(Connection(new Uri($"http://127.0.0.1:{port}/")), Ecr.Service);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.CallAsync("GetAuthorizationToken", [], CancellationToken.None));

        Assert.StartsWith($"ECR GetAuthorizationToken failed: cannot reach http://127.0.0.1:{port}/ after 4 tries: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_wait_grows_exponentially_within_the_cap_and_is_jittered()
    {
        var policy = new AwsRetryPolicy(6, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
        var waits = Enumerable.Range(0, 200).Select(_ => policy.DelayAfter(3)).ToList();

        Assert.All(waits, w => Assert.InRange(w.TotalMilliseconds, 0, 400));
        Assert.True(waits.Distinct().Count() > 100, "jitter: the waits differ");
        Assert.All(Enumerable.Range(0, 50).Select(_ => policy.DelayAfter(6)), w => Assert.InRange(w.TotalMilliseconds, 0, 500));
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_ECR", "http://ecr.example:1/")]
    [InlineData("AWS_ENDPOINT_URL", "http://all.example:2/")]
    [InlineData(null, "https://api.ecr.eu-west-1.amazonaws.com/")]
    public void The_endpoint_comes_from_the_standard_variables_first(string? variable, string expected)
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://all.example:2" };
        if (variable == "AWS_ENDPOINT_URL_ECR")
            environment[variable] = "http://ecr.example:1";
        if (variable is null)
            environment.Clear();
        var connection = new AwsConnection("eu-west-1", new BasicAWSCredentials("a", "b")) { Environment = environment.GetValueOrDefault };

        Assert.Equal(expected, connection.Endpoint("ECR", "api.ecr").ToString());
    }

    private static AwsJsonClient Client(ScriptedHttpServer server) => new(Connection(server.Endpoint), Ecr.Service);

    private static AwsConnection Connection(Uri endpoint) =>
        new("us-east-1", new BasicAWSCredentials("AKIDEXAMPLE", "not-a-real-secret"))
        {
            Retry = FastRetry,
            Environment = name => name == "AWS_ENDPOINT_URL" ? endpoint.ToString() : null,
        };
}
