using System.Globalization;
using Engine;

/// <summary>
/// Which builder <c>docker build</c> gets. BuildKit when the client can reach it: through the buildx plugin, or, in
/// clients before 23.0, built in (DOCKER_BUILDKIT=1). Otherwise the legacy builder, which works everywhere but commits
/// a container per instruction: with the vfs storage driver each commit copies the whole image.
/// </summary>
internal static class DockerBuilder
{
    private static Task<Dictionary<string, string?>>? environment;

    /// <summary>The environment that selects the builder; probed once per process.</summary>
    public static Task<Dictionary<string, string?>> Environment(CancellationToken cancellation) =>
        environment ??= Probe(cancellation);

    private static async Task<Dictionary<string, string?>> Probe(CancellationToken cancellation)
    {
        if ((await ToolRunner.RunUncheckedAsync(Quiet(["buildx", "version"]), cancellation)).ExitCode == 0)
            return new() { ["DOCKER_BUILDKIT"] = "1", ["BUILDKIT_PROGRESS"] = "plain" };
        var client = await ToolRunner.RunUncheckedAsync(Quiet(["version", "--format", "{{.Client.Version}}"]), cancellation);
        var major = client.Output.FirstOrDefault()?.Split('.')[0];
        if (int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version < 23)
            return new() { ["DOCKER_BUILDKIT"] = "1", ["BUILDKIT_PROGRESS"] = "plain" };
        Log.Information("BuildKit is not available (no buildx plugin): using the legacy builder, which is slower");
        return new() { ["DOCKER_BUILDKIT"] = "0" };
    }

    private static ToolInvocation Quiet(string[] arguments) => new("docker", arguments) { LogOutput = false };
}
