namespace Pipeline.Tools;

/// <summary>
/// What <see cref="DockerEngineApi.Run"/> starts: a detached container by name. All of its environment travels in the
/// API request, never on a command line (ps would show it); <see cref="SecretEnvironment"/> is kept apart so that
/// whoever builds a run can tell, and mask, what is secret.
/// </summary>
internal sealed record DockerRun(string Image, string Name)
{
    public string Network { get; init; } = "bridge";

    /// <summary>Docker's --restart policy: no, on-failure, always, unless-stopped.</summary>
    public string Restart { get; init; } = "no";

    /// <summary>Plain variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> SecretEnvironment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The arguments after the image's entrypoint (a one-off command such as <c>migrate --check</c>); null: the image's own.</summary>
    public IReadOnlyList<string>? Command { get; init; }
}
