using Pipeline.Delivery;
using Pipeline.Tools;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The release's own <c>migrate --check</c> against the drill's database, as a one-off container of its image: what a
/// real recovery would run before the release serves from a restored backup. Removed once it exited, either way.
/// </summary>
internal sealed class LocalDrillMigration(LocalPlatformSettings settings, string drillLabel)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
    private const int LogLines = 20;

    public async Task RunAsync(ColorRelease release, string name, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellation)
    {
        await DockerEngineApi.Run(settings.Docker, new DockerRun(release.Image, name)
        {
            Network = "host",
            Command = ["migrate", "--check"],
            SecretEnvironment = secrets,
            Labels = new Dictionary<string, string> { [drillLabel] = settings.Name },
        }, cancellation);
        try
        {
            var exitCode = await DockerEngineApi.WaitForExit(settings.Docker, name, Deadline, cancellation);
            var logs = await DockerEngineApi.Logs(settings.Docker, name, LogLines, cancellation);
            if (exitCode != 0)
                throw new InvalidOperationException($"the live release's migrate --check against the restored backup exited with {exitCode}: {logs.LastOrDefault(line => line.Trim().Length > 0) ?? "no output"}");
        }
        finally
        {
            await DockerEngineApi.Remove(settings.Docker, name, force: true, CancellationToken.None);
        }
    }
}
