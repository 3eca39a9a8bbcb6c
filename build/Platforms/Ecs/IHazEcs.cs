using Engine;
using Pipeline.Aws;
using Pipeline.Hosting;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// A build that works on an environment in ECS: which cluster, and the names of the environment's resources
/// (<see cref="EcsNames"/>). DeployBlueGreen's platform, Provision and MigrateDb's one-off task start from here.
/// </summary>
public interface IHazEcs : IHazAws, IHazHosting
{
    [Parameter("First part of the names of an environment's ECS resources: <app>-<env>-blue …")]
    string EcsApp => TryGetValue(() => EcsApp) ?? "app";

    [Parameter("ECS cluster of the environment", DefaultText = "<app>-<env>")]
    string? EcsCluster => TryGetValue(() => EcsCluster);

    [Parameter("Container of the service's task definition that runs the image")]
    string EcsContainer => TryGetValue(() => EcsContainer) ?? "app";

    EcsNames EcsNames => EcsNamesOf(EnvironmentName);

    /// <summary>Another environment's names (DeployProduction reads staging's): --ecs-cluster names this environment's cluster only.</summary>
    EcsNames EcsNamesOf(string environment) =>
        new(EcsApp, environment, environment == EnvironmentName && EcsCluster is { } cluster ? cluster : $"{EcsApp}-{environment}", EcsContainer);
}
