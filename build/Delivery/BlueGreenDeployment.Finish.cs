namespace Pipeline.Delivery;

public sealed partial class BlueGreenDeployment
{
    /// <summary>The new color is live: recorded first (the truth for a re-run), then the test listener moves to the old color, which stands by for Rollback.</summary>
    private async Task FinalizeAsync(EnvironmentState state, DeployRequest request, Color idle, CancellationToken cancellation)
    {
        timeline.Begin("finalize");
        var previous = state.Live;
        var standby = previous is not null && settings.StandbyGrace > TimeSpan.Zero;
        state = new EnvironmentState
        {
            Live = new ColorRelease(idle, request.Image.ToString(), request.Version, request.Commit, request.Owner.RunId),
            Previous = previous,
            StandbyUntil = standby ? clock.UtcNow + settings.StandbyGrace : null,
        };
        await platform.WriteStateAsync(state, CancellationToken.None);
        log.Event($"{idle.Name()} is live with {request.Describe()}");
        await TidyAsync(cancellation);
        if (previous is null)
            return;

        await platform.RouteTestTrafficAsync(previous.Color, CancellationToken.None);
        if (standby)
            log.Event($"{previous.Color.Name()} stands by until {state.StandbyUntil:u} so Rollback can flip back at once");
        else
            await StopAsync(previous.Color, "the old color, no standby asked", cancellation);
    }

    /// <summary>Best effort: what is left to tidy is tidied by the next deploy, so a failure here does not undo a deploy that went live.</summary>
    private async Task TidyAsync(CancellationToken cancellation)
    {
        try
        {
            await platform.TidyAsync(cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Event($"tidying up failed, the next deploy tries again: {e.Message}");
        }
    }

    /// <summary>All traffic back on the old color at once, then the new color drained and stopped. Runs even when the deploy was cancelled.</summary>
    private async Task AbortAsync(EnvironmentState state, Color live, Color idle, string reason)
    {
        timeline.Begin("abort");
        timeline.Aborted(reason);
        log.Event($"aborting: {reason}; all traffic back on {live.Name()}");
        if (await SetAndConfirmWeightsAsync(TrafficWeights.AllOn(live), CancellationToken.None) is { } problem)
            throw new DeploymentFailedException($"ABORT INCOMPLETE: {problem}; {live.Name()} must get all traffic (re-run the deploy, which repairs this first)");
        timeline.Weighted(0);
        await StopNewColorAsync(state, idle, reason);
    }

    private async Task StopNewColorAsync(EnvironmentState state, Color idle, string reason)
    {
        await StopAsync(idle, $"the new color: {reason}", CancellationToken.None);
        await platform.WriteStateAsync(state with { InProgress = null }, CancellationToken.None);
    }
}
