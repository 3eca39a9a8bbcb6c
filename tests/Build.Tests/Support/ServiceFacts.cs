using TestSupport;

namespace BuildTests;

/// <summary>The services of build/services/with-services.sh the image, scan and AWS tests need, by the variable each exports.</summary>
internal static class Services
{
    public const string Docker = "DOCKER_HOST";
    public const string Registry = "TEST_REGISTRY";
    public const string Moto = "TEST_AWS_ENDPOINT";
    public const string Trivy = "TRIVY_EXE";

    public static string Address(string variable) => ServiceRequirement.Address(variable, variable);

    /// <summary>The base image the engine has: the offline one docker.sh makes, or Microsoft's where the engine can pull.</summary>
    public static string BaseImage => Environment.GetEnvironmentVariable("BASE_IMAGE") is { Length: > 0 } image ? image : "mcr.microsoft.com/dotnet/runtime-deps:10.0";
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class DockerFactAttribute() : ServiceFactAttribute(Services.Docker, "a Docker engine");

/// <summary>A registry and the Docker engine that pushes to it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RegistryFactAttribute : ServiceFactAttribute
{
    public RegistryFactAttribute()
        : base(Services.Registry, "an OCI registry") => Skip ??= ServiceRequirement.SkipReason(Services.Docker, "a Docker engine");
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class MotoFactAttribute() : ServiceFactAttribute(Services.Moto, "moto (the AWS API stand-in)");

/// <summary>moto for the ECR API, and the registry and engine that stand in for ECR's registry.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EcrFactAttribute : ServiceFactAttribute
{
    public EcrFactAttribute()
        : base(Services.Moto, "moto (the AWS API stand-in)") =>
        Skip ??= ServiceRequirement.SkipReason(Services.Registry, "an OCI registry") ?? ServiceRequirement.SkipReason(Services.Docker, "a Docker engine");
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class TrivyFactAttribute() : ServiceFactAttribute(Services.Trivy, "Trivy");
