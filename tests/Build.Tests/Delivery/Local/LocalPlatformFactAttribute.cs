using TestSupport;

namespace BuildTests.Delivery.Local;

/// <summary>
/// A test against the real local platform: the Docker engine and registry of with-services.sh, and HAProxy (which
/// with-services.sh installs and names in HAPROXY_EXE). Skipped locally without them, saying why; failing on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocalPlatformFactAttribute : FactAttribute
{
    public LocalPlatformFactAttribute() => Skip = Missing();

    public const string Haproxy = "HAPROXY_EXE";

    public static string? Missing() =>
        ServiceRequirement.SkipReason(Services.Docker, "a Docker engine")
        ?? ServiceRequirement.SkipReason(Services.Registry, "an OCI registry")
        ?? ServiceRequirement.SkipReason(Haproxy, "HAProxy");

    public static bool ServicesAreSet =>
        new[] { Services.Docker, Services.Registry, Haproxy }.All(variable => Environment.GetEnvironmentVariable(variable) is { Length: > 0 });
}
