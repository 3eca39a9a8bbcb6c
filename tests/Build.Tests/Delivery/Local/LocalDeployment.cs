using System.Net.Http.Json;

namespace BuildTests.Delivery.Local;

/// <summary>
/// The blue/green algorithm on a test's local environment, in real time with short bakes, its log kept. The pre-traffic
/// check asks /version through the test listener (the full smoke suite also needs a migrated database), or is left out.
/// </summary>
internal sealed class LocalDeployment(LocalEnvironment environment, bool checkVersion = true)
{
    public static readonly DeploymentSettings ShortBakes = new()
    {
        Steps = TrafficSteps.Default,
        BakeTime = TimeSpan.FromSeconds(3),
        PollInterval = TimeSpan.FromMilliseconds(200),
        HealthTimeout = TimeSpan.FromSeconds(30),
        DrainTime = TimeSpan.FromSeconds(5),
        Analysis = new AnalysisSettings { Interval = TimeSpan.FromSeconds(1), MinRequests = 5 },
    };

    public List<string> Lines { get; } = [];

    public DeploymentSettings Settings { get; init; } = ShortBakes;

    /// <summary>Deploys with the platform given (one whose containers get APP_FAULT, say), or the environment's own.</summary>
    public Task<DeploymentRecord> DeployAsync(ImageDigest image, string version, LocalPlatform? platform = null) =>
        new BlueGreenDeployment(platform ?? environment.Platform, Settings, checkVersion ? new VersionThroughTestListener(environment.Http) : new NoCheck(), SystemDeployClock.Instance,
                new DeploymentLog(SystemDeployClock.Instance, TimeSpan.FromSeconds(5), line => { lock (Lines) Lines.Add(line); }))
            .RunAsync(new DeployRequest("local", image, version, "c0ffee", new DeployOwner("tester", "run-" + version, Environment.MachineName, Environment.ProcessId)),
                _ => true, CancellationToken.None);

    private sealed class NoCheck : IPreTrafficCheck
    {
        public Task<string?> FailureAsync(Uri address, ExpectedRelease expected, CancellationToken cancellation) => Task.FromResult<string?>(null);
    }

    private sealed class VersionThroughTestListener(HttpClient http) : IPreTrafficCheck
    {
        public async Task<string?> FailureAsync(Uri address, ExpectedRelease expected, CancellationToken cancellation)
        {
            using var response = await http.GetAsync(new Uri(address, "version"), cancellation);
            if (!response.IsSuccessStatusCode)
                return $"GET {address}version answered {(int)response.StatusCode}";
            var version = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(cancellation);
            return version!["color"] == expected.Color?.Name() && version["version"] == expected.Version
                ? null
                : $"GET {address}version reports {version["version"]} on {version["color"]}, not {expected.Version} on {expected.Color?.Name()}";
        }
    }
}
