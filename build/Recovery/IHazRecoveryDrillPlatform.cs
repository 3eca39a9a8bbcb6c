using Pipeline.Delivery;

namespace Pipeline.Recovery;

/// <summary>A build whose environments can be drilled: a component of build/Platforms provides the platform that restores and runs the drill.</summary>
public interface IHazRecoveryDrillPlatform : IHazDeployment
{
    /// <summary>The recovery role of <see cref="Hosting.IHazHosting.EnvironmentName"/>'s platform.</summary>
    IRecoveryDrillPlatform CreateRecoveryDrillPlatform();
}
