using Engine;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The state role on files: state.json records the local environment it was written in, and a state that cannot
/// describe the running environment (recorded in another, or written before it was made) is set aside, kept in the
/// state folder's archive, so the deploy starts as the environment's first instead of repairing a live release whose
/// engine and registry are gone. A state whose live color's container is still on this engine (running or stopped:
/// an engine found again, not made again) does describe it, and is kept for the usual repair.
/// </summary>
internal sealed partial class LocalPlatform
{
    public async Task<EnvironmentState> ReadStateAsync(CancellationToken cancellation)
    {
        var stored = state.ReadStored();
        if (CurrentEnvironment() is not { } environment || stored.MayDescribe(environment))
            return stored.State;

        using var guard = await state.GuardAsync(cancellation);
        // Judged again under the guard: another process may have set it aside, or adopted it, meanwhile.
        stored = state.ReadStored();
        if (stored.MayDescribe(environment))
            return stored.State;
        var why = stored.EnvironmentId is { } recorded
            ? $"recorded in environment {LocalEnvironmentId.Shorten(recorded)}, while {environment.Root} is {environment.Short}, made {environment.Created:u}"
            : $"written {stored.Written:u}, before {environment.Root} (environment {environment.Short}) was made at {environment.Created:u}";
        if (stored.State.Live is { } live && await LiveContainerAsync(live, cancellation) is { } container)
        {
            state.Write(stored.State, environment.Value);
            Log.Information($"local: {state.Path} was {why}; but {container} still holds its live release on this engine, so it describes this environment and is kept as its state");
            return stored.State;
        }

        var archived = state.Archive(DateTimeOffset.UtcNow);
        var gone = stored.State.Live is { } old ? $"{settings.ContainerName(old.Color)} (its live {old.Color.Name()}) is not on this engine" : "it has no live release";
        Log.Information($"local: set aside the previous environment's state as {archived} (it was {why}, and {gone}): the deploy starts as this environment's first");
        return EnvironmentState.Empty;
    }

    public Task WriteStateAsync(EnvironmentState newState, CancellationToken cancellation)
    {
        state.Write(newState, CurrentEnvironment()?.Value);
        return Task.CompletedTask;
    }

    /// <summary>Read each time: LocalEnvironment (local-environment.sh up) may make the root during the build.</summary>
    private LocalEnvironmentId? CurrentEnvironment() => settings.EnvironmentRoot is { } root ? LocalEnvironmentId.Read(root) : null;

    /// <summary>The live color's container when this engine has it with the live release's image, else null.</summary>
    private async Task<string?> LiveContainerAsync(ColorRelease live, CancellationToken cancellation) =>
        await containers.InspectAsync(live.Color, cancellation) is { } container
        && container.Labels.TryGetValue(ColorContainers.LabelPrefix + "image", out var image) && image == live.Image
            ? settings.ContainerName(live.Color)
            : null;
}
