using System.Globalization;
using Engine;

namespace Pipeline.Tools;

/// <summary>
/// Which builder <c>docker build</c> gets. BuildKit when the client can reach it: through the buildx plugin, or, in
/// clients before 23.0, built in (DOCKER_BUILDKIT=1). Otherwise the legacy builder, which works everywhere but commits
/// a container per instruction: with the vfs storage driver each commit copies the whole image.
/// </summary>
internal static class DockerBuilder
{
    private const string BuildKitClient = "/usr/bin/docker";
    private static Task<BuildClient>? client;

    /// <summary>The client and environment that select the builder; probed once per process.</summary>
    public static Task<BuildClient> Client(CancellationToken cancellation) => client ??= Probe(cancellation);

    private static async Task<BuildClient> Probe(CancellationToken cancellation)
    {
        if (await HasBuildKit("docker", cancellation))
            return new BuildClient("docker", BuildKit());
        // Debian's client (20.10, from docker.io) has BuildKit built in, where the one on PATH may lack the buildx plugin.
        if (BuildEnvironment.Get("DOCKER_EXE") is not { Length: > 0 } && File.Exists(BuildKitClient) && await HasBuildKit(BuildKitClient, cancellation))
        {
            Log.Information($"docker on PATH has no buildx plugin: building with {BuildKitClient}, whose BuildKit is built in");
            return new BuildClient(BuildKitClient, BuildKit());
        }

        Log.Information("BuildKit is not available (no buildx plugin): using the legacy builder, which is slower");
        return new BuildClient("docker", new() { ["DOCKER_BUILDKIT"] = "0" });
    }

    /// <summary>Through the buildx plugin, or built into clients before 23.0.</summary>
    private static async Task<bool> HasBuildKit(string executable, CancellationToken cancellation)
    {
        if ((await ToolRunner.RunUncheckedAsync(Quiet(executable, ["buildx", "version"]), cancellation)).ExitCode == 0)
            return true;
        var version = await ToolRunner.RunUncheckedAsync(Quiet(executable, ["version", "--format", "{{.Client.Version}}"]), cancellation);
        var major = version.Output.FirstOrDefault()?.Split('.')[0];
        return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < 23;
    }

    private static Dictionary<string, string?> BuildKit() => new() { ["DOCKER_BUILDKIT"] = "1", ["BUILDKIT_PROGRESS"] = "plain" };

    private static ToolInvocation Quiet(string executable, string[] arguments) => new(executable, arguments) { LogOutput = false };
}

/// <summary>The docker client that builds and the environment that selects its builder.</summary>
internal sealed record BuildClient(string Executable, Dictionary<string, string?> Environment);
