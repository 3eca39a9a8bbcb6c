using Pipeline.Delivery.Roles;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

public sealed partial class BlueGreenDeployment
{
    /// <summary>
    /// The state says which color is live; only the platform says whether it serves. After a reboot or an engine restart
    /// the recorded live color may have exited, and deciding "already live: nothing to do" from the state alone left
    /// users with 503s. So before anything is decided the live color must run and be healthy; when it does not, its
    /// release is started again on the same color, waited for, and given all the traffic. A live color that serves is
    /// left alone (one observation and one health reading), so this is safe to repeat. True when it was started again.
    /// </summary>
    private async Task<bool> EnsureLiveServesAsync(ColorRelease live, CancellationToken cancellation)
    {
        var status = await platform.ObserveAsync(live.Color, cancellation);
        if (status.State == ColorState.Starting)
        {
            try
            {
                await awaiting.UntilAsync($"the live color {live.Color.Name()} to run", settings.StageTimeout, async token => Running(await platform.ObserveAsync(live.Color, token)), cancellation);
                status = await platform.ObserveAsync(live.Color, cancellation);
            }
            catch (Exception e) when (e is DeploymentFailedException or WaitFailedException)
            {
                status = status with { State = ColorState.Failed, Detail = e.Message };
            }
        }

        if (status.State == ColorState.Running)
        {
            var health = await platform.CheckHealthAsync(live.Color, cancellation);
            if (health.Healthy)
                return false;
            // It runs: it may be starting again by itself (a restart policy after an engine restart), so it gets the
            // health timeout before it is replaced.
            log.Event($"the live color {live.Color.Name()} ({Release(live)}) runs but is not healthy ({health.Detail}): waiting for it");
            try
            {
                await UntilHealthyAsync(live.Color, cancellation);
                log.Event($"the live color {live.Color.Name()} is healthy again");
                return false;
            }
            catch (Exception e) when (e is DeploymentFailedException or WaitFailedException)
            {
                status = status with { Detail = e.Message };
            }
        }

        log.Event($"the live color {live.Color.Name()} ({Release(live)}) was not serving ({status.Detail}): starting it again");
        try
        {
            var capacity = Math.Max(1, await platform.CapacityAsync(live.Color, cancellation));
            await platform.StageAsync(live.Color, new StageRequest(live.Digest, capacity, live.Version, live.Commit), cancellation);
            await awaiting.UntilAsync($"{live.Color.Name()} to run", settings.StageTimeout, async token => Running(await platform.ObserveAsync(live.Color, token)), cancellation);
            await UntilHealthyAsync(live.Color, cancellation);
        }
        catch (Exception e) when (e is DeploymentFailedException or WaitFailedException)
        {
            throw new DeploymentFailedException($"the live color {live.Color.Name()} ({Release(live)}) does not serve and could not be started again: {e.Message}");
        }

        if (await SetAndConfirmWeightsAsync(TrafficWeights.AllOn(live.Color), cancellation) is { } problem)
            throw new DeploymentFailedException($"cannot return traffic to {live.Color.Name()}: {problem}");
        log.Event($"the live color {live.Color.Name()} ({Release(live)}) serves again");
        return true;
    }

    private static string Release(ColorRelease live) => $"{live.Version ?? live.Digest.Short}";
}
