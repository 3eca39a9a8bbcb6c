using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// The blue/green deploy, written once against <see cref="IDeploymentPlatform"/>: preflight (lock, state, repair of an
/// interrupted deploy), stage the image on the idle color, verify it before any traffic (health, then the smoke tests
/// through the test listener), shift traffic in steps while analysing the new color, finalize (the old color stands
/// by for an instant Rollback). A failure before traffic stops the new color; a failure during the shift aborts:
/// all traffic back on the old color at once, then the new one drained and stopped. One instance per deploy.
/// </summary>
public sealed partial class BlueGreenDeployment
{
    private readonly IDeploymentPlatform platform;
    private readonly DeploymentSettings settings;
    private readonly IPreTrafficCheck check;
    private readonly IDeployClock clock;
    private readonly DeploymentLog log;
    private readonly Awaiting awaiting;
    private readonly DeployTimeline timeline;

    public BlueGreenDeployment(IDeploymentPlatform platform, DeploymentSettings settings, IPreTrafficCheck check, IDeployClock clock, DeploymentLog log)
    {
        (this.platform, this.settings, this.check, this.clock, this.log) = (log.Watch(platform), settings, check, clock, log);
        awaiting = new Awaiting(clock, log, settings.PollPace);
        timeline = new DeployTimeline(clock);
    }

    /// <summary>Deploys under the environment's lock. Returns the record, whatever the outcome; throws only when nothing was changed (lock held, platform unreachable).</summary>
    public async Task<DeploymentRecord> RunAsync(DeployRequest request, Func<int, bool> processIsAlive, CancellationToken cancellation)
    {
        log.Event($"deploying {request.Describe()} to {request.Environment} on {platform.Description}");
        return await UnderLockAsync(request.Environment, request.Owner, processIsAlive, () => RunLockedAsync(request, cancellation), cancellation);
    }

    private async Task<T> UnderLockAsync<T>(string environment, DeployOwner owner, Func<int, bool> processIsAlive, Func<Task<T>> action, CancellationToken cancellation)
    {
        timeline.Begin("preflight");
        await platform.CheckReachableAsync(cancellation);
        var held = await new DeployLocking(platform, clock, log, processIsAlive)
            .AcquireAsync(environment, owner, settings.LockTimeout, settings.TakeOverExpiredLock, cancellation);
        try
        {
            return await action();
        }
        finally
        {
            await platform.ReleaseLockAsync(held, CancellationToken.None);
        }
    }

    private async Task<DeploymentRecord> RunLockedAsync(DeployRequest request, CancellationToken cancellation)
    {
        var state = await RepairAsync(await platform.ReadStateAsync(cancellation), cancellation);
        var live = state.Live;
        var restarted = live is not null && await EnsureLiveServesAsync(live, cancellation);
        if (live is not null && live.Image == request.Image.ToString() && !settings.Force)
        {
            log.Event($"{request.Describe()} is already live on {live.Color.Name()}: nothing to do (--force-deploy deploys it again)");
            return Record(request, live, live.Color, DeploymentOutcome.AlreadyLive, restarted ? "it was not serving: started it again" : null, 100);
        }

        var idle = live?.Color.Other() ?? Color.Blue;
        var capacity = live is null ? 1 : Math.Max(1, await platform.CapacityAsync(live.Color, cancellation));
        state = state with
        {
            InProgress = new DeployAttempt(request.Image.ToString(), idle, "stage", request.Owner.RunId, clock.UtcNow),
            StandbyUntil = state.Previous?.Color == idle ? null : state.StandbyUntil, // staging replaces what stood by there
        };
        await platform.WriteStateAsync(state, cancellation);

        try
        {
            await StageAsync(idle, request, capacity, cancellation);
            state = await EnterPhaseAsync(state, "verify", cancellation);
            await VerifyAsync(idle, request, cancellation);
        }
        catch (Exception e)
        {
            // Whatever failed (the platform, a tool, a cancellation), no traffic reached the new color: stop it, say why.
            var reason = e is OperationCanceledException ? "cancelled" : e.Message;
            await StopNewColorAsync(state, idle, $"never received traffic: {reason}");
            return Record(request, live, idle, DeploymentOutcome.Failed, reason, 0);
        }

        var abort = await ShiftAsync(state, live?.Color, idle, cancellation);
        if (abort is not null)
        {
            await AbortAsync(state, live!.Color, idle, abort.Reason);
            return Record(request, live, idle, DeploymentOutcome.Aborted, $"aborted at {abort.Percent}%: {abort.Reason}, traffic back on {live.Color.Name()}", 0);
        }

        await FinalizeAsync(state, request, idle, cancellation);
        return Record(request, live, idle, DeploymentOutcome.Deployed, null, 100);
    }

    /// <summary>
    /// Records the phase the deploy enters in the state before acting on it, so a re-run after a crash says how far the
    /// interrupted deploy got ("shift 50%": the new color may have had up to half the traffic).
    /// </summary>
    private async Task<EnvironmentState> EnterPhaseAsync(EnvironmentState state, string phase, CancellationToken cancellation)
    {
        state = state with { InProgress = state.InProgress! with { Phase = phase } };
        await platform.WriteStateAsync(state, cancellation);
        return state;
    }

    private DeploymentRecord Record(DeployRequest request, ColorRelease? from, Color to, DeploymentOutcome outcome, string? reason, int percent)
    {
        var phases = timeline.Phases();
        return new DeploymentRecord
        {
            Environment = request.Environment,
            Platform = platform.Description,
            Action = "deploy",
            RunId = request.Owner.RunId,
            Image = request.Image.ToString(),
            Version = request.Version,
            Commit = request.Commit,
            FromColor = from?.Color,
            FromImage = from?.Image,
            ToColor = to,
            Outcome = outcome,
            Reason = reason,
            TrafficPercent = percent,
            Started = timeline.Started,
            Ended = clock.UtcNow,
            Seconds = Math.Round(timeline.Elapsed.TotalSeconds, 2),
            ConfiguredWaitSeconds = Math.Round(timeline.ConfiguredWaits.TotalSeconds, 2),
            Phases = phases,
            Steps = timeline.Steps,
            WeightChanges = timeline.WeightChanges,
            Abort = timeline.Abort,
            Events = log.Events,
        };
    }
}
