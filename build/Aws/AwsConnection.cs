using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Engine;

namespace Pipeline.Aws;

/// <summary>
/// Where and as whom AWS is called: the region and the credentials of AWSSDK.Core's default chain (environment,
/// web identity for GitHub OIDC (<see cref="GitHubOidcToken"/> writes its token file), profile, container, instance
/// metadata). Missing either is one line saying what to set.
/// </summary>
public sealed record AwsConnection(string Region, AWSCredentials Credentials)
{
    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    /// <summary>Where the endpoint variables are read: the build's environment, or a test's own.</summary>
    public Func<string, string?> Environment { get; init; } = BuildEnvironment.Get;

    public static AwsConnection FromDefaultChain(string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
            throw new InvalidOperationException("No AWS region: pass --aws-region or set AWS_REGION.");

        // In a GitHub job with an AWS role: the job's OIDC token becomes the chain's web identity (token file).
        GitHubOidcToken.ProvideForDefaultChain();
        AWSCredentials? credentials;
        try
        {
            credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException)
        {
            credentials = null;
        }

        // The chain's own message lists every provider's failure over many lines; one line says what to do.
        var resolved = credentials ?? throw new InvalidOperationException(
            "No AWS credentials found (environment, web identity, profile, container, instance metadata): " +
            "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE.");
        var immutable = resolved.GetCredentials();
        Secrets.Register(immutable.SecretKey);
        Secrets.Register(immutable.Token);
        return new AwsConnection(region, resolved);
    }

    /// <summary>
    /// A service's endpoint: AWS_ENDPOINT_URL_&lt;SERVICE&gt; (e.g. AWS_ENDPOINT_URL_ECR), then AWS_ENDPOINT_URL, then
    /// AWS's own https://&lt;host prefix&gt;.&lt;region&gt;.amazonaws.com, as the AWS SDKs and CLI resolve it.
    /// </summary>
    public Uri Endpoint(string serviceId, string hostPrefix) =>
        new(Environment($"AWS_ENDPOINT_URL_{serviceId.ToUpperInvariant().Replace(' ', '_')}") is { Length: > 0 } specific ? specific
            : Environment("AWS_ENDPOINT_URL") is { Length: > 0 } general ? general
            : $"https://{hostPrefix}.{Region}.amazonaws.com");
}
