using Pipeline.Images;

namespace Pipeline.Delivery;

/// <summary>
/// What an environment serves, as the platform keeps it between processes: the live color and its image, the color
/// left standing by after the last deploy (so Rollback can flip back at once), and a deploy that started and has not
/// finished (so a re-run after a crash knows what it is repairing). Traffic weights are not here: the router's (or
/// load balancer's) own reading is the truth for those.
/// </summary>
public sealed record EnvironmentState
{
    public static readonly EnvironmentState Empty = new();

    public ColorRelease? Live { get; init; }

    /// <summary>The release that served before <see cref="Live"/>: Rollback's target. Its color stands by until <see cref="StandbyUntil"/>.</summary>
    public ColorRelease? Previous { get; init; }

    /// <summary>Until when the previous color keeps running for an instant Rollback; null once it is stopped.</summary>
    public DateTimeOffset? StandbyUntil { get; init; }

    public DeployAttempt? InProgress { get; init; }
}

/// <summary>An image a color runs: by digest, with the version and commit it reports, and the run that put it live.</summary>
public sealed record ColorRelease(Color Color, string Image, string? Version = null, string? Commit = null, string? RunId = null)
{
    public ImageDigest Digest => ImageDigest.Parse(Image);
}

/// <summary>A deploy under way: written before the idle color changes, cleared when the deploy ends either way.</summary>
public sealed record DeployAttempt(string Image, Color Color, string Phase, string RunId, DateTimeOffset Started);
