using BuildTests.Release;

namespace BuildTests;

/// <summary>A build's environment with no Docker engine and no AWS to reach: whatever runs fails at once, touching nothing of this machine's.</summary>
internal static class UnreachableServices
{
    public static Dictionary<string, string> Environment() => new(TestRepository.IsolatedEnvironment)
    {
        ["NO_COLOR"] = "1",
        ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock",
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
