/// <summary>
/// A build that deploys both on this machine and to ECS: each environment on the platform its
/// <see cref="IHazHosting.HostingMap"/> names (local on the local platform, staging and production on ECS).
/// </summary>
public interface IHazDeploymentPlatforms : IHazLocalPlatform, IHazEcsPlatform
{
    IDeploymentPlatform IHazDeployment.CreateDeploymentPlatform() => HostedEnvironment.Platform switch
    {
        var platform when platform == HostingPlatform.Local => CreateLocalPlatform(),
        var platform when platform == HostingPlatform.Ecs => CreateEcsPlatform(),
        var platform => throw new InvalidOperationException($"environment '{EnvironmentName}' is hosted on {platform}, which this build does not compose: add that platform's component and create it in CreateDeploymentPlatform"),
    };
}
