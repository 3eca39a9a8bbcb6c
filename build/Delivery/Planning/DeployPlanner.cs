using Pipeline.Database;
using Pipeline.Waiting;

namespace Pipeline.Delivery.Planning;

/// <summary>
/// Works out a deploy's or a rollback's plan through the platform's read-only inspection alone, deciding as
/// <see cref="BlueGreenDeployment"/> decides (the idle color, already live, a first deploy, a flip or a redeploy, the
/// lock's take-over), so the plan says what the run would do, and changes nothing: no lock, no state, no router.
/// </summary>
public sealed class DeployPlanner(IDeploymentPlatform platform, DeploymentSettings settings, IDeployClock clock, DeployOwner owner, Func<int, bool> processIsAlive)
{
    public async Task<DeployPlan> DeployAsync(PlanRequest request, CancellationToken cancellation)
    {
        var (plan, state) = await ReadAsync(request, "deploy", cancellation);
        if (state is null || request.Release is not { } release)
            return plan with { Traffic = TrafficPlan.For(settings, firstDeploy: false) with { Overhead = request.Overhead } };
        var live = plan.Live;
        if (live is not null && live.Image == release.Image && !settings.Force)
            return plan with { New = release with { Color = live.Color }, Route = "none" };

        var idle = live?.Color?.Other() ?? Color.Blue;
        var staged = await platform.StagedDefinitionAsync(idle, release.Image, release.Version, release.Commit, cancellation);
        var liveDefinition = live?.Color is { } color ? await platform.DefinitionAsync(color, cancellation) : null;
        var migrations = request.Migrations is null ? null : await PreviewAsync(request.Migrations, cancellation);
        return plan with
        {
            New = release with { Color = idle },
            Route = live is null ? "at once" : "steps",
            Changes = DefinitionChanges.Between(liveDefinition, staged),
            Migrations = migrations,
            Traffic = TrafficPlan.For(settings, firstDeploy: live is null) with { Overhead = request.Overhead },
            WouldStop = migrations?.Stop is { } stop ? [.. plan.WouldStop, stop] : plan.WouldStop,
        };
    }

    /// <summary>A flip while the previous color stands by with its release, else a redeploy of its image through the whole algorithm.</summary>
    public async Task<DeployPlan> RollbackAsync(PlanRequest request, CancellationToken cancellation)
    {
        var (plan, state) = await ReadAsync(request, "rollback", cancellation);
        if (state is null)
            return plan;
        if (state is not { Live: { } live, Previous: { } previous })
            return plan with { WouldStop = [.. plan.WouldStop, $"nothing to roll back to: {request.Environment} has no previous release recorded"] };

        var standing = await platform.DefinitionAsync(previous.Color, cancellation);
        var flip = state.StandbyUntil > clock.UtcNow && standing?.Image == previous.Image;
        var liveDefinition = await platform.DefinitionAsync(live.Color, cancellation);
        var target = flip ? standing! : await platform.StagedDefinitionAsync(previous.Color, previous.Image, previous.Version, previous.Commit, cancellation);
        return plan with
        {
            New = new PlannedRelease(previous.Color, previous.Image, previous.Version, previous.Commit, previous.RunId),
            Route = flip ? "flip" : "steps",
            Changes = DefinitionChanges.Between(liveDefinition, target),
            Traffic = flip ? TrafficPlan.Flip(settings) : TrafficPlan.For(settings, firstDeploy: false) with { Overhead = request.Overhead },
            Notes = flip ? [.. plan.Notes, $"{previous.Color.Name()} stands by until {state.StandbyUntil:u}"]
                : [.. plan.Notes, $"{previous.Color.Name()} no longer stands by with {previous.Name()}: its image is deployed again, step by step"],
        };
    }

    /// <summary>What every plan reads first: whether the platform is there, the state, the lock. A null state: nothing more can be read.</summary>
    private async Task<(DeployPlan Plan, EnvironmentState? State)> ReadAsync(PlanRequest request, string action, CancellationToken cancellation)
    {
        var stops = new List<string>(request.Stops);
        var notes = new List<string>(request.Notes);
        var plan = new DeployPlan { Target = request.Target, Action = action, Environment = request.Environment, Platform = platform.Description, New = request.Release };
        if (await platform.NotReadyAsync(cancellation) is { } notReady)
        {
            if (request.MakesEnvironment is { } maker)
                notes.Add($"{notReady}; {maker} would start it first, so what it serves is read only then");
            else
                stops.Add(notReady);
            return (plan with { EnvironmentRead = false, Notes = notes, WouldStop = stops }, null);
        }

        var state = await platform.PeekStateAsync(cancellation);
        if (await platform.PeekLockAsync(cancellation) is { } holder)
        {
            if (DeployLocking.TakeOver(holder, owner, clock.UtcNow, settings.TakeOverExpiredLock, processIsAlive) is { } takeOver)
                notes.Add(takeOver);
            else
                stops.Add($"the deploy lock of {request.Environment} is held by {holder.Describe()}{(holder.IsExpired(clock.UtcNow) ? " (expired: --take-over-lock takes it)" : "")}");
        }

        if (state.InProgress is { } attempt)
            notes.Add($"a deploy of {attempt.Image} to {attempt.Color.Name()} did not finish (phase {attempt.Phase}, run {attempt.RunId}): it is repaired first");
        var live = state.Live is { } release
            ? new PlannedRelease(release.Color, release.Image, release.Version, release.Commit, release.RunId, (await platform.DefinitionAsync(release.Color, cancellation))?.Since)
            : null;
        return (plan with { Live = live, Notes = notes, WouldStop = stops }, state);
    }

    /// <summary>MigrateDb's own plan and check; a database the plan cannot reach is "not known", not a reason to stop.</summary>
    private static async Task<MigrationPreview> PreviewAsync(Func<CancellationToken, Task<MigrationPreview>> preview, CancellationToken cancellation)
    {
        try
        {
            return await preview(cancellation);
        }
        catch (Exception e) when (e is InvalidOperationException or Engine.ToolException)
        {
            return new MigrationPreview(null, $"not known: {e.Message.ReplaceLineEndings(" ")}", null);
        }
    }
}

file static class ReleaseNames
{
    public static string Name(this ColorRelease release) => release.Version ?? release.Image;
}
