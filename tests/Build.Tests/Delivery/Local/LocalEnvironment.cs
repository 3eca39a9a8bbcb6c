using System.Diagnostics;
using System.Net.Http.Json;
using Engine;
using TestSupport;

namespace BuildTests.Delivery.Local;

/// <summary>
/// One test's local environment: a unique app name, its own state folder and free ports, so tests cannot collide;
/// on dispose its containers and its HAProxy are gone and the folder is deleted.
/// </summary>
internal sealed class LocalEnvironment : IAsyncDisposable
{
    public LocalEnvironment(Func<LocalPlatformSettings, LocalPlatformSettings>? adjust = null)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        // Short: HAProxy's socket lives in it, and a socket path has at most 107 bytes.
        StateDirectory = new AbsolutePath(Path.Combine("/tmp", "lp-" + id)).CreateDirectory();
        Settings = new LocalPlatformSettings
        {
            App = "t" + id,
            Environment = "test",
            StateDirectory = StateDirectory,
            PublicPort = ClosedPort.Find(),
            TestPort = ClosedPort.Find(),
            BluePort = ClosedPort.Find(),
            GreenPort = ClosedPort.Find(),
        };
        if (adjust is not null)
            Settings = adjust(Settings);
        Platform = new LocalPlatform(Settings);
    }

    public AbsolutePath StateDirectory { get; }

    public LocalPlatformSettings Settings { get; }

    public LocalPlatform Platform { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A platform on the same environment whose containers get <paramref name="variables"/> (APP_FAULT …), as a second process would.</summary>
    public LocalPlatform With(IReadOnlyDictionary<string, string> variables) => new(Settings with { ExtraContainerVariables = variables });

    /// <summary>Stages the image and waits until HAProxy sees the color healthy; returns how long that took.</summary>
    public async Task<TimeSpan> StageHealthyAsync(Color color, ImageDigest image, LocalPlatform? platform = null)
    {
        var clock = Stopwatch.StartNew();
        await (platform ?? Platform).StageAsync(color, new StageRequest(image, 1, "1.0.0-" + color.Name(), "c0ffee"), CancellationToken.None);
        await WaitForHealthAsync(color, healthy: true, TimeSpan.FromSeconds(60));
        return clock.Elapsed;
    }

    /// <summary>Blue on <paramref name="blue"/> and green on <paramref name="green"/>, both healthy, and the traffic split as <paramref name="weights"/>.</summary>
    public async Task StageBothAsync(ImageDigest blue, ImageDigest green, TrafficWeights weights)
    {
        await Task.WhenAll(StageHealthyAsync(Color.Blue, blue), StageHealthyAsync(Color.Green, green));
        await Platform.SetWeightsAsync(weights, CancellationToken.None);
    }

    public async Task<HealthReading> WaitForHealthAsync(Color color, bool healthy, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var reading = await Platform.CheckHealthAsync(color, CancellationToken.None);
            if (reading.Healthy == healthy || clock.Elapsed > deadline)
                return reading;
            await Task.Delay(200);
        }
    }

    /// <summary>The color /version reports through <paramref name="listener"/>.</summary>
    public async Task<string> ColorBehindAsync(Uri listener) =>
        (await Http.GetFromJsonAsync<Dictionary<string, string>>(new Uri(listener, "version")))!["color"];

    /// <summary>
    /// Every part is cleaned up whatever failed before it: HAProxy first (it outlives any process, so a leak stays until
    /// a reboot), found by its pid file and by its command line naming this environment's folder (a daemon started by
    /// a build that was killed before the pid file was read, or one restarted under a new pid); then the containers.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        var pids = new HashSet<int>(RoutersOfThisEnvironment());
        if (Platform.Router.Daemon.ReadPid() is { } recorded)
            pids.Add(recorded);
        foreach (var pid in pids)
            await KillAsync(pid);

        foreach (var color in new[] { Color.Blue, Color.Green })
        {
            try
            {
                await DockerEngineApi.Remove(Settings.Docker, Settings.ContainerName(color), force: true, CancellationToken.None);
            }
            catch (Exception e) when (e is InvalidOperationException or ToolException)
            {
                // No engine there (the test of an engine that does not answer): no containers either.
            }
        }

        Directory.Delete(StateDirectory, recursive: true);
    }

    /// <summary>The HAProxy processes whose command line names a file in this environment's folder.</summary>
    private IEnumerable<int> RoutersOfThisEnvironment()
    {
        var folder = StateDirectory.Value.TrimEnd('/') + "/";
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            var arguments = commandLine.Split('\0');
            if (arguments[0].EndsWith("haproxy", StringComparison.Ordinal) && arguments.Any(argument => argument.StartsWith(folder, StringComparison.Ordinal)))
                yield return pid;
        }
    }

    private static async Task KillAsync(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Exited already (a test that stopped it).
        }
    }
}
