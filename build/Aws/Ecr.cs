using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>
/// Amazon ECR's API (awsJson1_1), the operations the pipeline uses: ensure a repository (immutable tags, scan on push),
/// the Docker login token, and what a repository holds.
/// </summary>
public sealed class Ecr(AwsJsonClient client)
{
    public static readonly AwsService Service = new("ECR", "ECR", "ecr", "api.ecr", "AmazonEC2ContainerRegistry_V20150921", "application/x-amz-json-1.1");

    public Ecr(AwsConnection connection)
        : this(new AwsJsonClient(connection, Service))
    {
    }

    public async Task<EcrRepository?> DescribeRepository(string name, CancellationToken cancellation)
    {
        try
        {
            var answer = await client.CallAsync("DescribeRepositories", new JsonObject { ["repositoryNames"] = new JsonArray(name) }, cancellation);
            return answer.GetProperty("repositories").EnumerateArray().Select(EcrRepository.From).FirstOrDefault();
        }
        catch (AwsServiceException e) when (e.Code == "RepositoryNotFoundException")
        {
            return null;
        }
    }

    public async Task<EcrRepository> CreateRepository(string name, CancellationToken cancellation)
    {
        var answer = await client.CallAsync(
            "CreateRepository",
            new JsonObject
            {
                ["repositoryName"] = name,
                ["imageTagMutability"] = "IMMUTABLE",
                ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = true },
            },
            cancellation);
        return EcrRepository.From(answer.GetProperty("repository"));
    }

    /// <summary>The repository, created when missing; a second caller racing the first finds it created.</summary>
    public async Task<(EcrRepository Repository, bool Created)> EnsureRepository(string name, CancellationToken cancellation)
    {
        if (await DescribeRepository(name, cancellation) is { } existing)
            return (existing, false);
        try
        {
            return (await CreateRepository(name, cancellation), true);
        }
        catch (AwsServiceException e) when (e.Code == "RepositoryAlreadyExistsException")
        {
            var raced = await DescribeRepository(name, cancellation);
            if (raced is null)
                throw;
            return (raced, false);
        }
    }

    public async Task<EcrAuthorization> GetAuthorizationToken(CancellationToken cancellation)
    {
        var answer = await client.CallAsync("GetAuthorizationToken", [], cancellation);
        var data = answer.GetProperty("authorizationData").EnumerateArray().First();
        return EcrAuthorization.Decode(data.GetProperty("authorizationToken").GetString()!, data.GetProperty("proxyEndpoint").GetString()!);
    }

    /// <summary>The digest a tag points to in the repository, or null when there is no such tag.</summary>
    public async Task<string?> DescribeImageDigest(string repository, string tag, CancellationToken cancellation)
    {
        try
        {
            var answer = await client.CallAsync("DescribeImages", new JsonObject { ["repositoryName"] = repository, ["imageIds"] = ImageIds(tag) }, cancellation);
            return answer.GetProperty("imageDetails").EnumerateArray().Select(d => d.GetProperty("imageDigest").GetString()).FirstOrDefault();
        }
        catch (AwsServiceException e) when (e.Code == "ImageNotFoundException")
        {
            return null;
        }
    }

    /// <summary>The manifest a tag points to (JSON text) and its digest, or null when there is no such tag.</summary>
    public async Task<(string Digest, string Manifest)?> BatchGetImage(string repository, string tag, CancellationToken cancellation)
    {
        var answer = await client.CallAsync("BatchGetImage", new JsonObject { ["repositoryName"] = repository, ["imageIds"] = ImageIds(tag) }, cancellation);
        return answer.GetProperty("images").EnumerateArray()
            .Select(i => ((string Digest, string Manifest)?)(i.GetProperty("imageId").GetProperty("imageDigest").GetString()!, i.GetProperty("imageManifest").GetString()!))
            .FirstOrDefault();
    }

    private static JsonArray ImageIds(string tag) => [new JsonObject { ["imageTag"] = tag }];
}

public sealed record EcrRepository(string Name, string Uri, string TagMutability, bool ScanOnPush)
{
    /// <summary>The registry host, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com.</summary>
    public string Registry => Uri.Split('/')[0];

    public static EcrRepository From(JsonElement repository) => new(
        repository.GetProperty("repositoryName").GetString()!,
        repository.GetProperty("repositoryUri").GetString()!,
        repository.TryGetProperty("imageTagMutability", out var mutability) ? mutability.GetString()! : "MUTABLE",
        repository.TryGetProperty("imageScanningConfiguration", out var scanning) && scanning.TryGetProperty("scanOnPush", out var scan) && scan.GetBoolean());
}

/// <summary>A Docker login for ECR: the token is base64 of "user:password" (user AWS), valid for 12 hours.</summary>
public sealed record EcrAuthorization(string Username, string Password, string ProxyEndpoint)
{
    public static EcrAuthorization Decode(string token, string proxyEndpoint)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("ECR returned an authorization token that is not base64.", e);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? new EcrAuthorization(text[..colon], text[(colon + 1)..], proxyEndpoint)
            : throw new InvalidOperationException("ECR returned an authorization token without the user:password form.");
    }

    public override string ToString() => $"EcrAuthorization {{ Username = {Username}, Password = ***, ProxyEndpoint = {ProxyEndpoint} }}";
}
