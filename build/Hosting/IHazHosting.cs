using Engine;

namespace Pipeline.Hosting;

/// <summary>
/// A build that works on an environment: which one (--environment, local without one) and, from the
/// <see cref="HostingMap"/>, what hosts it. Deploys, migrations, restores and the platforms ask this, never the name.
/// </summary>
public interface IHazHosting : IBuild
{
    /// <summary>The environment worked on: --environment, or local without one.</summary>
    string EnvironmentName => Profile ?? EnvironmentNames.Local;

    /// <summary>Override to host an environment elsewhere, or to declare one of your own.</summary>
    HostingMap HostingMap => HostingMap.Default;

    HostedEnvironment HostedEnvironment => HostingMap[EnvironmentName];

    /// <summary>Refuses, before anything is contacted, a platform's component asked to serve an environment hosted elsewhere.</summary>
    void RequireHostedOn(HostingPlatform platform, string component) => HostingMap.Require(EnvironmentName, platform, component);
}
