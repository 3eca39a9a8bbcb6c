using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery;

public sealed partial class BlueGreenDeployment
{
    private sealed record Abort(int Percent, string Reason);

    /// <summary>
    /// Moves production traffic to the new color step by step. Before each step the new color must be healthy and the
    /// router must read back the weights asked for; during each bake the analysis watches the new color. Returns why
    /// to abort, or null once all traffic is on the new color. With no live color (a first deploy) all of it moves at once.
    /// </summary>
    private async Task<Abort?> ShiftAsync(EnvironmentState state, Color? live, Color idle, CancellationToken cancellation)
    {
        timeline.Begin("shift");
        var steps = live is null ? [100] : settings.Steps.Percentages;
        var analysis = new TrafficAnalysis(settings.Analysis, () => timeline.Elapsed);
        foreach (var percent in steps)
        {
            var stepStart = clock.UtcNow;
            var measured = analysis.Measurements.Count;
            try
            {
                state = await EnterPhaseAsync(state, $"shift {percent}%", cancellation);
                var health = await platform.CheckHealthAsync(idle, cancellation);
                if (!health.Healthy)
                    return new Abort(percent, $"{idle.Name()} is not healthy: {health.Detail}");
                if (await SetAndConfirmWeightsAsync(TrafficWeights.Split(idle, percent), cancellation) is { } problem)
                    return new Abort(percent, problem);
                timeline.Weighted(percent);
                log.Event($"step {percent}%: {TrafficWeights.Split(idle, percent)}");
                if (live is not null && await BakeAsync(idle, percent, analysis, cancellation) is { } reason)
                    return new Abort(percent, reason);
            }
            catch (OperationCanceledException)
            {
                return new Abort(percent, "cancelled");
            }
            catch (Exception e) when (e is not DeploymentFailedException)
            {
                // The router or platform failed mid-shift: traffic must still go back, so this is an abort, not a crash.
                return new Abort(percent, $"{e.GetType().Name}: {e.Message}");
            }
            finally
            {
                timeline.Step(percent, stepStart, analysis.Measurements.Skip(measured));
            }
        }

        return null;
    }

    /// <summary>Watches the new color for the bake time, a measurement every analysis interval; returns why to abort, or null.</summary>
    private async Task<string?> BakeAsync(Color idle, int percent, TrafficAnalysis analysis, CancellationToken cancellation)
    {
        var bakeStart = clock.UtcNow;
        var before = await platform.SampleAsync(idle, cancellation);
        log.Baking(percent, settings.BakeTime);
        while (clock.UtcNow - bakeStart < settings.BakeTime)
        {
            var remaining = settings.BakeTime - (clock.UtcNow - bakeStart);
            await clock.DelayAsync(remaining < settings.Analysis.Interval ? remaining : settings.Analysis.Interval, cancellation);
            var status = await platform.ObserveAsync(idle, cancellation);
            if (status.State != ColorState.Running)
                return $"{idle.Name()} stopped running: {Why(status)}";

            string? abort;
            TrafficSample after;
            try
            {
                after = await platform.SampleAsync(idle, cancellation);
                abort = analysis.Judge(before, after);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                abort = analysis.MeasurementError(e.Message);
                after = before;
            }

            var latest = analysis.Measurements[^1];
            log.Measured(percent, clock.UtcNow - bakeStart, settings.BakeTime, latest);
            if (abort is not null)
                return abort;
            before = after;
        }

        timeline.Waited(settings.BakeTime);
        return null;
    }
}
