using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery;

/// <summary>
/// Where blue/green runs: the local platform (Docker containers behind HAProxy) or ECS (two services behind an
/// Application Load Balancer), as four roles (and a read-only inspection for plans) in the way Argo Rollouts splits traffic routing from compute.
/// <c>BlueGreenDeployment</c> is written against these alone, so a platform adds no deploy logic: each member reads
/// or changes one thing and says what it saw. tests/Build.Tests/Platforms/Contract holds what every platform must pass.
/// </summary>
public interface IDeploymentPlatform : IColorCompute, ITrafficRouter, ITrafficMetrics, IEnvironmentStore, IDeploymentInspection
{
    /// <summary>One line for the log: what and where (e.g. "local: HAProxy on 127.0.0.1:8080, Docker").</summary>
    string Description { get; }

    /// <summary>Fails with one line when the platform cannot be reached (router down, engine down, no credentials).</summary>
    Task CheckReachableAsync(CancellationToken cancellation);
}
