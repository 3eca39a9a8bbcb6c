using Engine;

namespace Pipeline.Tools;

/// <summary>The container commands the local platform runs: one method per command, on the engine given.</summary>
internal static partial class Docker
{
    // Variables the docker client itself reads: a secret of that name would redirect or break the client.
    private static readonly string[] ClientVariables = ["PATH", "HOME", "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY"];

    /// <summary>The engine's version; an engine that does not answer is one line: "Docker engine at … not reachable: …".</summary>
    public static async Task<string> EngineVersion(DockerEngine engine, CancellationToken cancellation)
    {
        var result = await RunQuiet(engine, ["version", "--format", "{{.Server.Version}}"], cancellation);
        var version = result.Output.FirstOrDefault()?.Trim();
        if (result.ExitCode == 0 && version is { Length: > 0 })
            return version;
        throw new InvalidOperationException($"Docker engine at {engine} not reachable: {LastError(result)}");
    }

    /// <summary>docker run --detach; returns the new container's id.</summary>
    public static async Task<string> Run(DockerEngine engine, DockerRun run, CancellationToken cancellation)
    {
        if (run.SecretEnvironment.Keys.FirstOrDefault(name => ClientVariables.Contains(name, StringComparer.Ordinal)) is { } clash)
            throw new ArgumentException($"{clash} cannot be passed to a container as a secret: the docker client reads it itself");
        var invocation = Invocation([
            "run", "--detach", "--name", run.Name, "--network", run.Network, "--restart", run.Restart, "--pull", "missing",
            .. run.Labels.SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" }),
            .. run.Environment.SelectMany(e => new[] { "--env", $"{e.Key}={e.Value}" }),
            .. run.SecretEnvironment.Keys.SelectMany(name => new[] { "--env", name }),
            run.Image,
        ]);
        var environment = new Dictionary<string, string?>(invocation.Environment);
        foreach (var (name, value) in run.SecretEnvironment)
            environment[name] = value;
        var result = await ToolRunner.RunUncheckedAsync(engine.Apply(invocation with { Environment = environment, LogOutput = false }), cancellation);
        // The image still missing from the engine afterwards: its pull (--pull missing) is what failed.
        if (result.ExitCode != 0 && (await RunQuiet(engine, ["image", "inspect", "--format", "{{.Id}}", run.Image], cancellation)).ExitCode != 0)
            throw new ImageUnavailableException(run.Image, engine, PullFailure(result));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Could not start container {run.Name} from {run.Image} on {engine}: {LastError(result)}");
        return result.Output.Last(line => line.Trim().Length > 0).Trim();
    }

    /// <summary>The container by name or id, or null when the engine has no such container.</summary>
    public static async Task<ContainerInspection?> InspectContainer(DockerEngine engine, string name, CancellationToken cancellation)
    {
        var result = await RunQuiet(engine, ["container", "inspect", "--format", "{{json .}}", name], cancellation);
        if (result.ExitCode == 0)
            return ContainerInspection.Parse(string.Join("\n", result.Output));
        if (IsNoSuchContainer(result))
            return null;
        throw new InvalidOperationException($"docker container inspect {name} on {engine} failed: {LastError(result)}");
    }

    /// <summary>The container's last lines of output, standard output and error together (the engine keeps them apart).</summary>
    public static async Task<IReadOnlyList<string>> Logs(DockerEngine engine, string name, int tail, CancellationToken cancellation)
    {
        var result = await RunQuiet(engine, ["logs", "--tail", tail.ToString(System.Globalization.CultureInfo.InvariantCulture), name], cancellation);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"docker logs {name} on {engine} failed: {LastError(result)}");
        return [.. result.Output.Concat(result.Errors).TakeLast(tail)];
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>; a container that is gone already is no error.</summary>
    public static async Task Stop(DockerEngine engine, string name, TimeSpan grace, CancellationToken cancellation)
    {
        var seconds = ((int)Math.Ceiling(grace.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await RunQuiet(engine, ["stop", "--time", seconds, name], cancellation);
        if (result.ExitCode != 0 && !IsNoSuchContainer(result))
            throw new InvalidOperationException($"docker stop {name} on {engine} failed: {LastError(result)}");
    }

    /// <summary>Removes the container (running or not, with <paramref name="force"/>); false when there was none.</summary>
    public static async Task<bool> Remove(DockerEngine engine, string name, bool force, CancellationToken cancellation)
    {
        var result = await RunQuiet(engine, ["rm", .. force ? ["--force"] : Array.Empty<string>(), name], cancellation);
        if (result.ExitCode == 0)
            return true;
        if (IsNoSuchContainer(result))
            return false;
        throw new InvalidOperationException($"docker rm {name} on {engine} failed: {LastError(result)}");
    }

    /// <summary>docker update --restart; false when there is no such container.</summary>
    public static async Task<bool> SetRestartPolicy(DockerEngine engine, string name, string policy, CancellationToken cancellation)
    {
        var result = await RunQuiet(engine, ["update", "--restart", policy, name], cancellation);
        if (result.ExitCode == 0)
            return true;
        if (IsNoSuchContainer(result))
            return false;
        throw new InvalidOperationException($"docker update --restart {policy} {name} on {engine} failed: {LastError(result)}");
    }

    // Their output is data or an error handled here: a missing container is an answer, not a line for the log.
    private static Task<ToolResult> RunQuiet(DockerEngine engine, string[] arguments, CancellationToken cancellation) =>
        ToolRunner.RunUncheckedAsync(engine.Apply(Invocation(arguments) with { LogOutput = false }), cancellation);

    private static bool IsNoSuchContainer(ToolResult result) =>
        result.Errors.Any(line => line.Contains("No such container", StringComparison.OrdinalIgnoreCase));

    /// <summary>The last line of standard error that says what went wrong: not the client's "Run 'docker run --help'" (or "See …") that follows it.</summary>
    private static string LastError(ToolResult result) =>
        result.Errors.LastOrDefault(line => line.Trim().Length > 0 && !IsUsageHint(line))?.Trim() ?? $"exit code {result.ExitCode}";

    private static bool IsUsageHint(string line) =>
        line.TrimStart().StartsWith("Run 'docker ", StringComparison.Ordinal) || line.TrimStart().StartsWith("See 'docker ", StringComparison.Ordinal);

    /// <summary>
    /// Why the pull failed, as the daemon's last words put it: "manifest unknown" (from "manifest for … not found:
    /// manifest unknown: manifest unknown"), "connection refused" (from "Get …: dial tcp …: connect: connection refused").
    /// </summary>
    private static string PullFailure(ToolResult result)
    {
        var error = LastError(result).TrimEnd('.');
        var cause = error[(error.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim();
        return cause.Length > 0 ? cause : error;
    }
}

/// <summary>docker run found the image neither on the engine nor in its registry: the one line says which image, where, and why.</summary>
internal sealed class ImageUnavailableException(string image, DockerEngine engine, string reason)
    : InvalidOperationException($"image {image} is not on the Docker engine at {engine}, and its registry {RegistryOf(image)} cannot give it ({reason})")
{
    public string Registry => RegistryOf(image);

    // As the client reads a reference: a first part with a dot, a port or "localhost" is a registry, else Docker Hub.
    private static string RegistryOf(string image) =>
        image.Split('/') is [var first, _, ..] && (first.Contains('.') || first.Contains(':') || first == "localhost") ? first : "docker.io";
}
