using Amazon.Runtime;

namespace BuildTests.Aws;

/// <summary>The ECR client against moto: repository creation and settings, idempotent ensure, the login token.</summary>
public class EcrTests
{
    [MotoFact]
    public async Task Ensure_creates_the_repository_with_immutable_tags_and_scan_on_push_once()
    {
        using var client = Client();
        var ecr = new Ecr(client);
        var name = "ensure-" + Guid.NewGuid().ToString("N")[..8];

        var (created, wasCreated) = await ecr.EnsureRepository(name, CancellationToken.None);
        var (again, createdAgain) = await ecr.EnsureRepository(name, CancellationToken.None);

        Assert.True(wasCreated);
        Assert.False(createdAgain);
        Assert.Equal(created, again);
        var described = await ecr.DescribeRepository(name, CancellationToken.None);
        Assert.Equal(new EcrRepository(name, $"123456789012.dkr.ecr.us-east-1.amazonaws.com/{name}", "IMMUTABLE", ScanOnPush: true), described);
        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com", described!.Registry);
    }

    [MotoFact]
    public async Task Errors_are_typed_with_the_services_code()
    {
        using var client = Client();
        var ecr = new Ecr(client);
        var name = "twice-" + Guid.NewGuid().ToString("N")[..8];
        await ecr.CreateRepository(name, CancellationToken.None);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecr.CreateRepository(name, CancellationToken.None));

        Assert.Equal("RepositoryAlreadyExistsException", error.Code);
        Assert.Equal("ECR", error.Service);
        Assert.Equal("CreateRepository", error.Operation);
        Assert.Null(await ecr.DescribeRepository("missing-" + name, CancellationToken.None));
        Assert.Null(await ecr.DescribeImageDigest(name, "no-such-tag", CancellationToken.None));
        Assert.Null(await ecr.BatchGetImage(name, "no-such-tag", CancellationToken.None));
    }

    [MotoFact]
    public async Task The_authorization_token_decodes_to_the_docker_login()
    {
        using var client = Client();

        var authorization = await new Ecr(client).GetAuthorizationToken(CancellationToken.None);

        Assert.Equal("AWS", authorization.Username);
        Assert.NotEmpty(authorization.Password);
        Assert.StartsWith("https://", authorization.ProxyEndpoint, StringComparison.Ordinal);
        Assert.DoesNotContain(authorization.Password, authorization.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bm90IGEgcGFpcg==", "without the user:password form")] // "not a pair"
    [InlineData("%%%", "not base64")]
    public void A_malformed_token_is_one_clear_line(string token, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => EcrAuthorization.Decode(token, "https://x"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    internal static AwsJsonClient Client()
    {
        var moto = Services.Address(Services.Moto);
        return new AwsJsonClient(new AwsConnection("us-east-1", new BasicAWSCredentials("test", "test")) { Environment = name => name == "AWS_ENDPOINT_URL" ? moto : null }, Ecr.Service);
    }
}
