using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery;

public sealed partial class BlueGreenDeployment
{
    /// <summary>
    /// Back to the previous release: a flip of traffic when its color still stands by and is healthy (seconds),
    /// otherwise a deploy of its image through the whole algorithm. Under the same lock as a deploy.
    /// </summary>
    public async Task<DeploymentRecord> RollbackAsync(string environment, DeployOwner owner, Func<int, bool> processIsAlive, CancellationToken cancellation)
    {
        log.Event($"rolling back {environment} on {platform.Description}");
        return await UnderLockAsync(environment, owner, processIsAlive, async () =>
        {
            var state = await RepairAsync(await platform.ReadStateAsync(cancellation), cancellation);
            if (state is not { Live: { } live, Previous: { } previous })
                throw new DeploymentFailedException($"nothing to roll back to: {environment} has no previous release recorded");

            var request = new DeployRequest(environment, previous.Digest, previous.Version, previous.Commit, owner);
            if (await StandbyProblemAsync(state, previous, cancellation) is { } problem)
            {
                log.Event($"{previous.Color.Name()} cannot take traffic back at once ({problem}): deploying {previous.Image} again");
                var redeployed = await RunLockedAsync(request, cancellation);
                return redeployed with
                {
                    Action = "rollback",
                    Outcome = redeployed.Outcome == DeploymentOutcome.Deployed ? DeploymentOutcome.RolledBack : redeployed.Outcome,
                };
            }

            timeline.Begin("flip");
            if (await SetAndConfirmWeightsAsync(TrafficWeights.AllOn(previous.Color), cancellation) is { } refused)
                throw new DeploymentFailedException($"the flip back to {previous.Color.Name()} did not take: {refused}");
            timeline.Weighted(100);
            await platform.WriteStateAsync(new EnvironmentState
            {
                Live = previous,
                Previous = live,
                StandbyUntil = settings.StandbyGrace > TimeSpan.Zero ? clock.UtcNow + settings.StandbyGrace : null,
            }, CancellationToken.None);
            await platform.RouteTestTrafficAsync(live.Color, CancellationToken.None);
            log.Event($"all traffic flipped back to {previous.Color.Name()} ({request.Describe()}); {live.Color.Name()} stands by");
            if (settings.StandbyGrace <= TimeSpan.Zero)
                await StopAsync(live.Color, "the rolled-back color, no standby asked", cancellation);
            return Record(request, live, previous.Color, DeploymentOutcome.RolledBack, null, 100) with { Action = "rollback" };
        }, cancellation);
    }

    /// <summary>Why the previous color cannot simply take traffic back (stopped, another image, unhealthy), or null.</summary>
    private async Task<string?> StandbyProblemAsync(EnvironmentState state, ColorRelease previous, CancellationToken cancellation)
    {
        if (state.StandbyUntil is null)
            return "it no longer stands by";
        var status = await platform.ObserveAsync(previous.Color, cancellation);
        if (status.State != ColorState.Running)
            return $"{status.State.ToString().ToLowerInvariant()}: {status.Detail}";
        if (status.Image is { } image && image != previous.Image)
            return $"it runs {image}";
        var health = await platform.CheckHealthAsync(previous.Color, cancellation);
        return health.Healthy ? null : $"not healthy: {health.Detail}";
    }
}
