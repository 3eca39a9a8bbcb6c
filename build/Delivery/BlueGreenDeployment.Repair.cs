namespace Pipeline.Delivery;

public sealed partial class BlueGreenDeployment
{
    /// <summary>The repair alone, under the lock: after a deploy that failed before going live, nothing else is to be done.</summary>
    public Task<EnvironmentState> RecoverAsync(string environment, DeployOwner owner, Func<int, bool> processIsAlive, CancellationToken cancellation) =>
        UnderLockAsync(environment, owner, processIsAlive, async () => await RepairAsync(await platform.ReadStateAsync(cancellation), cancellation), cancellation);

    /// <summary>
    /// Brings the environment back to one truth before anything else: all traffic on the live color (an interrupted
    /// shift left it split), the color an interrupted deploy was staging stopped, and an expired standby retired.
    /// Everything here is safe to repeat, so a crash inside the repair is repaired by the next run.
    /// </summary>
    public async Task<EnvironmentState> RepairAsync(EnvironmentState state, CancellationToken cancellation)
    {
        if (state.InProgress is { } attempt)
            log.Event($"a deploy of {attempt.Image} to {attempt.Color.Name()} (run {attempt.RunId}, {attempt.Started:u}) was interrupted during {attempt.Phase}: repairing");

        if (state.Live is { } live)
        {
            var weights = await platform.ReadWeightsAsync(cancellation);
            if (!weights.IsAllOn(live.Color))
            {
                var health = await platform.CheckHealthAsync(live.Color, cancellation);
                if (!health.Healthy)
                    log.Event($"warning: the live color {live.Color.Name()} is not healthy ({health.Detail}); it is still the last release that went live");
                log.Event($"traffic is split ({weights}): returning all of it to the live color {live.Color.Name()}");
                if (await SetAndConfirmWeightsAsync(TrafficWeights.AllOn(live.Color), cancellation) is { } problem)
                    throw new DeploymentFailedException($"cannot return traffic to {live.Color.Name()}: {problem}");
            }
        }

        if (state.InProgress is { } interrupted && interrupted.Color != state.Live?.Color)
        {
            await StopAsync(interrupted.Color, "the interrupted deploy's color", cancellation);
            state = state with
            {
                InProgress = null,
                StandbyUntil = state.Previous?.Color == interrupted.Color ? null : state.StandbyUntil,
            };
            await platform.WriteStateAsync(state, cancellation);
        }

        if (state is { Previous: { } previous, StandbyUntil: { } until } && until <= clock.UtcNow)
        {
            log.Event($"the standby {previous.Color.Name()} ({previous.Image}) expired at {until:u}");
            await StopAsync(previous.Color, "the expired standby", cancellation);
            state = state with { StandbyUntil = null };
            await platform.WriteStateAsync(state, cancellation);
        }

        return state;
    }

    /// <summary>Sets the weights and reads them back: the router's own reading is what counts.</summary>
    private async Task<string?> SetAndConfirmWeightsAsync(TrafficWeights wanted, CancellationToken cancellation)
    {
        await platform.SetWeightsAsync(wanted, cancellation);
        var applied = await platform.ReadWeightsAsync(cancellation);
        return applied == wanted ? null : $"the router applies {applied}, not the {wanted} asked for";
    }

    private async Task StopAsync(Color color, string what, CancellationToken cancellation)
    {
        log.Event($"stopping {color.Name()} ({what}) after its connections drain (at most {DeploymentLog.Seconds(settings.DrainTime)})");
        var started = clock.UtcNow;
        await platform.StopAsync(color, settings.DrainTime, cancellation);
        timeline.Waited(clock.UtcNow - started);
    }
}
