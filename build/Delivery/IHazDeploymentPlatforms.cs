/// <summary>
/// A build that deploys both on this machine and to ECS: the local environment on the local platform, every other
/// environment (staging, production) on ECS.
/// </summary>
public interface IHazDeploymentPlatforms : IHazLocalPlatform, IHazEcsPlatform
{
    IDeploymentPlatform IHazDeployment.CreateDeploymentPlatform() =>
        DeployEnvironment == "local" ? CreateLocalPlatform() : CreateEcsPlatform();
}
