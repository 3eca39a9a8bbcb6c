using Engine;

namespace Pipeline.Aws;

/// <summary>A build that calls AWS: the region parameter and the connection every AWS client of the pipeline starts from.</summary>
public interface IHazAws : IBuild
{
    [Parameter("AWS region", DefaultText = "AWS_REGION, else AWS_DEFAULT_REGION")]
    string? AwsRegion => TryGetValue(() => AwsRegion) ?? BuildEnvironment.Get("AWS_DEFAULT_REGION");

    /// <summary>The region and the default credentials chain's credentials; one clear line when either is missing.</summary>
    AwsConnection ConnectAws() => AwsConnection.FromDefaultChain(AwsRegion);
}
