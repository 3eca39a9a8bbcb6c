/// <summary>
/// What production may deploy: a release that went live in staging (staging's live one, or the one before it), read
/// from staging's state on its production listener. Anything else (a digest staging never ran live, a rebuild) is
/// refused before production is touched.
/// </summary>
public static class StagingPromotion
{
    /// <summary>
    /// Staging's state: the deploy:* tags of whichever listener of its load balancer carries them (its production
    /// listener, on whatever port staging's own parameters give it).
    /// </summary>
    public static async Task<EnvironmentState> StagingStateAsync(Elbv2 elb, EcsNames staging, CancellationToken cancellation)
    {
        var balancer = await elb.DescribeLoadBalancer(staging.LoadBalancer, cancellation)
            ?? throw new InvalidOperationException($"staging's load balancer '{staging.LoadBalancer}' not found: deploy to staging first (./build.sh DeployStaging)");
        foreach (var listener in await elb.DescribeListeners(balancer.Arn, cancellation))
        {
            var state = ListenerTags.ToState(await elb.DescribeTags(listener.Arn, cancellation));
            if (state.Live is not null)
                return state;
        }

        return EnvironmentState.Empty;
    }

    public static ColorRelease Verified(EnvironmentState state, ImageDigest? wanted)
    {
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
