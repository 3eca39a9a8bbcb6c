using Pipeline.Images;

namespace Pipeline.Delivery;

/// <summary>
/// Which release an environment promoted from another may get: the one live there, or, when a digest is asked for,
/// that digest only if it is live there or was live just before (a rollback there leaves it verified).
/// </summary>
public static class Promotion
{
    public static ColorRelease Verified(string source, string target, EnvironmentState state, ImageDigest? wanted)
    {
        var live = state.Live ?? throw new InvalidOperationException($"{source} has no live release to promote: deploy to {source} first");
        if (wanted is null)
            return live;
        var verified = new[] { live, state.Previous }.FirstOrDefault(r => r is not null && r.Digest.Digest == wanted.Digest);
        return verified is null
            ? throw new InvalidOperationException(
                $"{wanted} never went live in {source} (live there: {live.Image}); {target} only gets what {source} verified: deploy it to {source} first")
            : verified with { Image = wanted.ToString() };
    }
}
