using Engine;

namespace Pipeline.Tools;

/// <summary>
/// The engine a Docker command goes to: DOCKER_HOST as the build's environment has it, or the client's default
/// socket when unset. A value, not a process-wide variable, so one run (or one test) can name another engine.
/// </summary>
internal sealed record DockerEngine(string? Host)
{
    public static DockerEngine FromEnvironment() => new(BuildEnvironment.Get("DOCKER_HOST") is { Length: > 0 } host ? host : null);

    /// <summary>What the client talks to when DOCKER_HOST is unset (Linux).</summary>
    public override string ToString() => Host ?? "unix:///var/run/docker.sock";

    public ToolInvocation Apply(ToolInvocation invocation)
    {
        if (Host is null)
            return invocation;
        var environment = new Dictionary<string, string?>(invocation.Environment) { ["DOCKER_HOST"] = Host };
        return invocation with { Environment = environment };
    }
}
