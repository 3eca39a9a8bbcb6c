namespace Pipeline.Tools;

/// <summary>
/// What <see cref="Docker.Run"/> starts: a detached container by name. <see cref="SecretEnvironment"/> values never
/// reach a command line (ps would show them): docker gets <c>-e NAME</c>, and the value in its own environment.
/// </summary>
internal sealed record DockerRun(string Image, string Name)
{
    public string Network { get; init; } = "bridge";

    /// <summary>Docker's --restart policy: no, on-failure, always, unless-stopped.</summary>
    public string Restart { get; init; } = "no";

    /// <summary>Plain variables, on the command line as -e NAME=value.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> SecretEnvironment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
