using System.Globalization;
using Pipeline.Delivery;
using Pipeline.Delivery.Roles;
using Pipeline.Tools;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The two colors as containers on the Docker engine: app-local-blue and app-local-green, on the host network (the
/// engine may have no bridge), one port each; restarted by Docker only while the color serves all the traffic (so an engine restart or a
/// reboot brings the live release back, and a crashing new release is a failed one, not a loop),
/// labelled with what they are.
/// </summary>
internal sealed class ColorContainers(LocalPlatformSettings settings)
{
    private const int LogLines = 20;

    public const string LabelPrefix = "app-pipeline.";

    public async Task<ContainerInspection?> InspectAsync(Color color, CancellationToken cancellation) =>
        await DockerEngineApi.InspectContainer(settings.Docker, settings.ContainerName(color), cancellation);

    /// <summary>Replaces whatever the color ran with the image; returns once the container started.</summary>
    public async Task StartAsync(Color color, StageRequest request, CancellationToken cancellation)
    {
        var name = settings.ContainerName(color);
        await DockerEngineApi.Remove(settings.Docker, name, force: true, cancellation);
        var environment = PlainVariables(color, request.Version, request.Commit);
        await DockerEngineApi.Run(settings.Docker, new DockerRun(request.Image.ToString(), name)
        {
            Network = "host",
            // A new release that crashes has failed, it is not to be started again and again: the policy changes
            // once the color serves all the traffic (ServesAllTrafficAsync).
            Restart = "no",
            Environment = environment,
            SecretEnvironment = settings.ContainerEnvironment,
            Labels = new Dictionary<string, string>
            {
                [LabelPrefix + "app"] = settings.App,
                [LabelPrefix + "environment"] = settings.Environment,
                [LabelPrefix + "color"] = color.Name(),
                [LabelPrefix + "image"] = request.Image.ToString(),
                // The names the platform set, apart from those the image brings: what a plan compares (never values).
                [LabelPrefix + VariablesLabel] = string.Join(",", VariableNames(environment)),
            },
        }, cancellation);
    }

    public const string VariablesLabel = "variables";

    /// <summary>The names of the variables a color's container gets: the platform's, the plain extras and the secrets.</summary>
    public IReadOnlyList<string> VariableNames(IReadOnlyDictionary<string, string> plain) =>
        [.. plain.Keys.Concat(settings.ContainerEnvironment.Keys).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The variables <see cref="StartAsync"/> sets in the clear (the secrets go apart).</summary>
    public Dictionary<string, string> PlainVariables(Color color, string? version, string? commit)
    {
        var environment = ServiceVariables(settings.PortOf(color), version, commit);
        environment["APP_COLOR"] = color.Name();
        foreach (var (key, value) in settings.ExtraContainerVariables)
            environment[key] = value;
        return environment;
    }

    /// <summary>What the service reads to listen on 127.0.0.1:<paramref name="port"/> and report the release on /version.</summary>
    public static Dictionary<string, string> ServiceVariables(int port, string? version, string? commit)
    {
        var variables = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" };
        if (version is { Length: > 0 })
            variables["APP_VERSION"] = version;
        if (commit is { Length: > 0 })
            variables["APP_COMMIT"] = commit;
        return variables;
    }

    /// <summary>
    /// The live color comes back by itself when the engine restarts (unless-stopped: never after the pipeline stops it);
    /// any other runs once. A color without a container has nothing to change.
    /// </summary>
    public Task ServesAllTrafficAsync(Color color, bool servesAll, CancellationToken cancellation) =>
        DockerEngineApi.SetRestartPolicy(settings.Docker, settings.ContainerName(color), servesAll ? "unless-stopped" : "no", cancellation);

    /// <summary>What the engine says about the color: no container, starting, running, or failed with its end and last log lines.</summary>
    public async Task<ColorStatus> ObserveAsync(Color color, CancellationToken cancellation)
    {
        var name = settings.ContainerName(color);
        if (await InspectAsync(color, cancellation) is not { } container)
            return new ColorStatus(ColorState.Stopped, $"no container {name}");
        var image = container.Labels.GetValueOrDefault(LabelPrefix + "image");
        switch (container.Status)
        {
            case "running":
                return new ColorStatus(ColorState.Running, $"{name} running since {container.StartedAt:u}", image, Restarts: container.RestartCount);
            case "created" or "restarting":
                return new ColorStatus(ColorState.Starting, $"{name} {container.Status}", image, Restarts: container.RestartCount);
            case "removing":
                return new ColorStatus(ColorState.Stopped, $"{name} is being removed", image);
            default:
                var logs = await DockerEngineApi.Logs(settings.Docker, name, LogLines, cancellation);
                var why = container.Error.Length > 0 ? $": {container.Error}" : "";
                return new ColorStatus(ColorState.Failed, $"{name} {container.Status} with exit code {container.ExitCode}{why}", image, container.ExitCode, container.RestartCount, logs);
        }
    }

    /// <summary>SIGTERM (the service finishes its requests), SIGKILL after 10 s, then the container is removed.</summary>
    public async Task StopAsync(Color color, CancellationToken cancellation)
    {
        var name = settings.ContainerName(color);
        await DockerEngineApi.Stop(settings.Docker, name, TimeSpan.FromSeconds(10), cancellation);
        await DockerEngineApi.Remove(settings.Docker, name, force: false, cancellation);
    }
}
