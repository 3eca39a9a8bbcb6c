using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Pipeline.Tools;

/// <summary>
/// The container calls of the local platform, through the Docker engine's API (Docker.DotNet.Enhanced) rather than
/// the CLI: an error is the engine's own message (never the CLI's "Run 'docker run --help'"), and a container's
/// environment, secrets included, travels in the API request, never on a command line. The only file that knows the
/// library; building and pushing images stay with the CLI (<see cref="DockerCli"/>), as NUKE's DockerTasks do.
/// </summary>
internal static partial class DockerEngineApi
{
    // One client per engine, kept for the process: each holds a connection pool to the engine's socket.
    private static readonly ConcurrentDictionary<string, DockerClient> Clients = new(StringComparer.Ordinal);

    /// <summary>The engine's version; an engine that does not answer is one line: "Docker engine at … not reachable: …".</summary>
    public static async Task<string> EngineVersion(DockerEngine engine, CancellationToken cancellation)
    {
        try
        {
            return (await Call(engine, client => client.System.GetVersionAsync(cancellation))).Version;
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Docker engine at {engine} not reachable: {Reason(e)}", e);
        }
    }

    /// <summary>Creates and starts the container, pulling its image first when the engine lacks it; returns its id.</summary>
    public static async Task<string> Run(DockerEngine engine, DockerRun run, CancellationToken cancellation)
    {
        var parameters = new CreateContainerParameters
        {
            Name = run.Name,
            Image = run.Image,
            Cmd = run.Command is { } command ? [.. command] : null,
            Env = [.. run.Environment.Concat(run.SecretEnvironment).Select(e => $"{e.Key}={e.Value}")],
            Labels = run.Labels.ToDictionary(),
            HostConfig = new HostConfig { NetworkMode = run.Network, RestartPolicy = new RestartPolicy { Name = RestartPolicyOf(run.Restart) } },
        };
        try
        {
            CreateContainerResponse created;
            try
            {
                created = await Call(engine, client => client.Containers.CreateContainerAsync(parameters, cancellation));
            }
            catch (DockerImageNotFoundException)
            {
                await PullAsync(engine, run.Image, cancellation);
                created = await Call(engine, client => client.Containers.CreateContainerAsync(parameters, cancellation));
            }

            await Call(engine, client => client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellation));
            return created.ID;
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Could not start container {run.Name} from {run.Image} on {engine}: {Reason(e)}", e);
        }
    }

    /// <summary>The container by name or id, or null when the engine has no such container.</summary>
    public static async Task<ContainerInspection?> InspectContainer(DockerEngine engine, string name, CancellationToken cancellation)
    {
        try
        {
            var container = await Call(engine, client => client.Containers.InspectContainerAsync(name, cancellation));
            var state = container.State ?? new State();
            var started = DateTimeOffset.TryParse(state.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year > 1 ? at : (DateTimeOffset?)null;
            return new ContainerInspection(
                state.Status ?? "",
                (int)state.ExitCode,
                (int)container.RestartCount,
                state.Error ?? "",
                started,
                container.Config?.Labels is { } labels ? labels.ToDictionary() : [])
            {
                EnvironmentNames = ContainerInspection.NamesOf(container.Config?.Env),
                Cpus = (container.HostConfig?.NanoCPUs ?? 0) / 1e9,
                MemoryBytes = container.HostConfig?.Memory ?? 0,
            };
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Inspecting container {name} on {engine} failed: {Reason(e)}", e);
        }
    }

    /// <summary>The container's last lines of output, standard output and error together (the engine keeps them apart).</summary>
    public static async Task<IReadOnlyList<string>> Logs(DockerEngine engine, string name, int tail, CancellationToken cancellation)
    {
        try
        {
            var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = tail.ToString(CultureInfo.InvariantCulture) };
            using var stream = await Call(engine, client => client.Containers.GetContainerLogsAsync(name, parameters, cancellation));
            var (output, errors) = await stream.ReadOutputToEndAsync(cancellation);
            return [.. Lines(output).Concat(Lines(errors)).TakeLast(tail)];
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Reading the logs of container {name} on {engine} failed: {Reason(e)}", e);
        }
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>; a container that is gone already is no error.</summary>
    public static async Task Stop(DockerEngine engine, string name, TimeSpan grace, CancellationToken cancellation)
    {
        try
        {
            await Call(engine, client => client.Containers.StopContainerAsync(name, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(grace.TotalSeconds) }, cancellation));
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Stopping container {name} on {engine} failed: {Reason(e)}", e);
        }
    }

    /// <summary>Removes the container (running or not, with <paramref name="force"/>); false when there was none.</summary>
    public static async Task<bool> Remove(DockerEngine engine, string name, bool force, CancellationToken cancellation)
    {
        try
        {
            await Call(engine, client => client.Containers.RemoveContainerAsync(name, new ContainerRemoveParameters { Force = force }, cancellation));
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Removing container {name} on {engine} failed: {Reason(e)}", e);
        }
    }

    /// <summary>The restart policy (no, on-failure, always, unless-stopped); false when there is no such container.</summary>
    public static async Task<bool> SetRestartPolicy(DockerEngine engine, string name, string policy, CancellationToken cancellation)
    {
        try
        {
            await Call(engine, client => client.Containers.UpdateContainerAsync(name, new ContainerUpdateParameters { RestartPolicy = new RestartPolicy { Name = RestartPolicyOf(policy) } }, cancellation));
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Setting the restart policy of container {name} to {policy} on {engine} failed: {Reason(e)}", e);
        }
    }

    /// <summary>What docker run's --pull missing does; a pull that fails is <see cref="ImageUnavailableException"/>.</summary>
    private static async Task PullAsync(DockerEngine engine, string image, CancellationToken cancellation)
    {
        // The engine reports a failure during the pull as a message in its progress stream, not as an HTTP status.
        var progress = new PullProgress();
        string? failure;
        try
        {
            await Call(engine, client => client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = image }, null, progress, cancellation));
            failure = progress.Error;
        }
        catch (DockerApiException e)
        {
            failure = Reason(e);
        }

        if (failure is not null)
            throw new ImageUnavailableException(image, engine, ImageUnavailableException.CauseOf(failure));
    }

    /// <summary>One call of the engine; a socket that does not answer is one line naming the engine and the system's reason.</summary>
    private static async Task<T> Call<T>(DockerEngine engine, Func<DockerClient, Task<T>> call)
    {
        try
        {
            return await call(Client(engine));
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"Docker engine at {engine} not reachable: {Unreachable(engine, e)}", e);
        }
    }

    private static Task Call(DockerEngine engine, Func<DockerClient, Task> call) =>
        Call(engine, async client =>
        {
            await call(client);
            return true;
        });

    private static DockerClient Client(DockerEngine engine) =>
        Clients.GetOrAdd(engine.ToString(), address => new DockerClientBuilder().WithEndpoint(new Uri(address)).Build());

    private static RestartPolicyKind RestartPolicyOf(string policy) => policy switch
    {
        "no" => RestartPolicyKind.No,
        "always" => RestartPolicyKind.Always,
        "on-failure" => RestartPolicyKind.OnFailure,
        "unless-stopped" => RestartPolicyKind.UnlessStopped,
        _ => throw new ArgumentException($"'{policy}' is not a Docker restart policy: no, on-failure, always or unless-stopped", nameof(policy)),
    };

    /// <summary>The engine's own words: the "message" of its JSON answer, else the innermost error (a socket's "Permission denied").</summary>
    private static string Reason(Exception e)
    {
        if (e is DockerApiException api)
        {
            if (string.IsNullOrWhiteSpace(api.ResponseBody))
                return $"HTTP {(int)api.StatusCode} {api.StatusCode}";
            try
            {
                using var body = JsonDocument.Parse(api.ResponseBody);
                if (body.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
                    return text.Trim();
            }
            catch (JsonException)
            {
            }

            return api.ResponseBody.Trim();
        }

        return e.GetBaseException().Message.Trim();
    }

    // A socket file that is not there is the usual first-contact case, and the system's word for it varies by handler.
    private static string Unreachable(DockerEngine engine, Exception e) =>
        engine.ToString() is var address && address.StartsWith("unix://", StringComparison.Ordinal) && !File.Exists(address["unix://".Length..])
            ? $"no such socket {address["unix://".Length..]} (is the engine running? build/services/local-environment.sh up starts one)"
            : Reason(e);

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0);

    /// <summary>The pull's last error message, recorded as the engine streams it (on the reading thread, before the call returns).</summary>
    private sealed class PullProgress : IProgress<JSONMessage>
    {
        public string? Error { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error?.Message is { Length: > 0 } message)
                Error = message;
        }
    }
}
