using Pipeline.Aws;
using Pipeline.Delivery;
using Pipeline.Delivery.Roles;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// Another ECS environment's state, for a promotion from it: the deploy:* tags of whichever listener of its load
/// balancer carries them (its production listener, on whatever port that environment's own parameters give it).
/// </summary>
internal sealed class EcsPromotionSource(Elbv2 elb, Func<string, EcsNames> namesOf) : IPromotionSource
{
    public async Task<EnvironmentState> ReadStateAsync(string environment, CancellationToken cancellation)
    {
        var names = namesOf(environment);
        var balancer = await elb.DescribeLoadBalancer(names.LoadBalancer, cancellation)
            ?? throw new InvalidOperationException($"{environment}'s load balancer '{names.LoadBalancer}' not found: deploy to {environment} first");
        foreach (var listener in await elb.DescribeListeners(balancer.Arn, cancellation))
        {
            var state = ListenerTags.ToState(await elb.DescribeTags(listener.Arn, cancellation));
            if (state.Live is not null)
                return state;
        }

        return EnvironmentState.Empty;
    }
}
