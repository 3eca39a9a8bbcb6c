using Pipeline.Delivery;
using Pipeline.Delivery.Roles;
using Pipeline.Tools;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The plan's read-only look: the state and lock files read as they are (a previous environment's state is judged as
/// <see cref="ReadStateAsync"/> judges it, but not set aside), the containers inspected; HAProxy is neither asked nor started.
/// </summary>
internal sealed partial class LocalPlatform
{
    public async Task<string?> NotReadyAsync(CancellationToken cancellation)
    {
        try
        {
            await DockerEngineApi.EngineVersion(settings.Docker, cancellation);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"the Docker engine at {settings.Docker} does not answer ({e.Message.ReplaceLineEndings(" ")}): the local environment is not up (./build.sh LocalEnvironment starts it)";
        }
    }

    public async Task<EnvironmentState> PeekStateAsync(CancellationToken cancellation)
    {
        var stored = state.ReadStored();
        if (CurrentEnvironment() is not { } environment || stored.MayDescribe(environment))
            return stored.State;
        return stored.State.Live is { } live && await LiveContainerAsync(live, cancellation) is not null ? stored.State : EnvironmentState.Empty;
    }

    public Task<DeployLock?> PeekLockAsync(CancellationToken cancellation) => Task.FromResult(lockFile.ReadHolder());

    public async Task<ColorDefinition?> DefinitionAsync(Color color, CancellationToken cancellation)
    {
        if (await containers.InspectAsync(color, cancellation) is not { } container)
            return null;
        // A container started before the label existed lists the image's variables too.
        var names = container.Labels.TryGetValue(ColorContainers.LabelPrefix + ColorContainers.VariablesLabel, out var label)
            ? label.Split(',', StringSplitOptions.RemoveEmptyEntries)
            : container.EnvironmentNames;
        return new ColorDefinition(
            container.Labels.GetValueOrDefault(ColorContainers.LabelPrefix + "image") ?? "(unknown image)",
            names,
            container.Cpus > 0 ? $"{container.Cpus:0.##} CPUs" : null,
            container.MemoryBytes > 0 ? $"{container.MemoryBytes / (1024 * 1024)} MiB" : null,
            [settings.PortOf(color)],
            container.StartedAt);
    }

    public Task<ColorDefinition> StagedDefinitionAsync(Color color, string image, string? version, string? commit, CancellationToken cancellation) =>
        Task.FromResult(new ColorDefinition(image, containers.VariableNames(containers.PlainVariables(color, version, commit)), null, null, [settings.PortOf(color)]));
}
