using Engine;
using Pipeline.Tools;

namespace Pipeline.Solution;

/// <summary>A build with a configuration parameter: Debug locally, Release on CI unless given.</summary>
public interface IHazConfiguration : IBuild
{
    [Parameter("Configuration to build and test: Debug or Release", DefaultText = "Debug locally, Release on CI")]
    Configuration Configuration => TryGetValue<Configuration>(() => Configuration) ?? (IsLocalBuild ? Configuration.Debug : Configuration.Release);
}
