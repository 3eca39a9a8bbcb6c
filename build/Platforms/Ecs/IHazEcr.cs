using Engine;
using Pipeline.Aws;
using Pipeline.Images;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// A build that pushes to ECR: PushEcr's registry for --image-registry Ecr (the default), the repository ensured with
/// immutable tags and scan on push, the login from the ECR API.
/// </summary>
public interface IHazEcr : IPushEcr, IHazAws
{
    [Parameter("Registry host:port standing in for ECR's registry endpoint; the ECR API still ensures the repository and gives the login")]
    string? EcrRegistryEndpoint => TryGetValue(() => EcrRegistryEndpoint);

    IImageRegistry IPushEcr.CreateEcrRegistry() => new EcrRegistry(ConnectAws, EcrRegistryEndpoint);
}
