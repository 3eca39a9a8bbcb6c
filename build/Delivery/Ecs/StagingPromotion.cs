/// <summary>
/// What production may deploy: a release that went live in staging (staging's live one, or the one before it), read
/// from staging's state on its production listener. Anything else (a digest staging never ran live, a rebuild) is
/// refused before production is touched.
/// </summary>
public static class StagingPromotion
{
    public static async Task<ColorRelease> VerifiedAsync(IDeploymentPlatform staging, ImageDigest? wanted, CancellationToken cancellation)
    {
        var state = await staging.ReadStateAsync(cancellation);
        var live = state.Live ?? throw new InvalidOperationException("staging has no live release to promote: deploy to staging first (./build.sh DeployStaging)");
        if (wanted is null)
            return live;
        var verified = new[] { live, state.Previous }.FirstOrDefault(r => r is not null && r.Digest.Digest == wanted.Digest);
        return verified is null
            ? throw new InvalidOperationException(
                $"{wanted} never went live in staging (live there: {live.Image}); production only gets what staging verified: deploy it to staging first")
            : verified with { Image = wanted.ToString() };
    }
}
