using Pipeline.Delivery.LiveView;
using Pipeline.Delivery.Roles;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

public sealed partial class BlueGreenDeployment
{
    /// <summary>Starts the image on the idle color and waits until it runs; an exit or a restart fails at once, saying why.</summary>
    private async Task StageAsync(Color idle, DeployRequest request, int capacity, CancellationToken cancellation)
    {
        timeline.Begin("stage");
        log.Event($"staging {request.Describe()} on {idle.Name()} ({capacity} instance{(capacity == 1 ? "" : "s")})");
        await platform.RouteTestTrafficAsync(idle, cancellation);
        await platform.StageAsync(idle, new StageRequest(request.Image, capacity, request.Version, request.Commit), cancellation);
        await awaiting.UntilAsync($"{idle.Name()} to run", settings.StageTimeout, async token => Running(await platform.ObserveAsync(idle, token)), cancellation);
    }

    /// <summary>Health as the router sees it, then the smoke tests through the test listener: no production traffic yet.</summary>
    private async Task VerifyAsync(Color idle, DeployRequest request, CancellationToken cancellation)
    {
        timeline.Begin("verify");
        await UntilHealthyAsync(idle, cancellation);

        log.Event($"smoke tests against {idle.Name()} through the test listener {platform.TestAddress}");
        if (await check.FailureAsync(platform.TestAddress, request.Expected(idle), cancellation) is { } failure)
            throw new DeploymentFailedException($"smoke test failed on {idle.Name()}: {failure}");
        log.Event($"smoke tests passed on {idle.Name()}");
    }

    /// <summary>Until the router sees the color healthy; a color that stops running meanwhile fails at once, saying why.</summary>
    private Task UntilHealthyAsync(Color color, CancellationToken cancellation) =>
        awaiting.UntilAsync($"{color.Name()} to be healthy", settings.HealthTimeout, async token =>
        {
            var status = await platform.ObserveAsync(color, token);
            if (status.State != ColorState.Running)
                return Running(status) is { State: LookState.Failed } failed ? failed : Look.Failed($"{status.State.ToString().ToLowerInvariant()}: {status.Detail}");
            var health = await platform.CheckHealthAsync(color, token);
            return health.Healthy ? Look.Reached(health.Detail) : Look.Pending(health.Detail);
        }, cancellation);

    private static Look Running(ColorStatus status) => status.State switch
    {
        ColorState.Running => Look.Reached(status.Detail),
        ColorState.Failed => Look.Failed(Why(status)),
        _ => Look.Pending($"{status.State.ToString().ToLowerInvariant()}: {status.Detail}"),
    };

    /// <summary>Why a color failed: what the platform says, the exit code, restarts, and the last lines it logged.</summary>
    private static string Why(ColorStatus status)
    {
        var why = StoppedReason.Of(status);
        return status.LastLogLines is { Count: > 0 } lines ? $"{why}; last log lines:\n  {string.Join("\n  ", lines)}" : why;
    }
}
