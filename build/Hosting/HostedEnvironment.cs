namespace Pipeline.Hosting;

/// <summary>
/// One environment as the build knows it: its name (the profile, .nuke/parameters.&lt;name&gt;.json), what hosts it,
/// the environment whose verified release it may only be given (production takes staging's, never a build of its own),
/// and whether replacing its data needs an explicit confirmation.
/// </summary>
public sealed record HostedEnvironment(string Name, HostingPlatform Platform)
{
    /// <summary>The environment whose live, verified release this one is promoted from; none builds its own.</summary>
    public string? PromotedFrom { get; init; }

    /// <summary>A restore replaces everything in its database: only with --confirm-production-restore.</summary>
    public bool RestoreNeedsConfirmation { get; init; }

    public bool IsHostedOn(HostingPlatform platform) => Platform == platform;
}
