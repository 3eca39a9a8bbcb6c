namespace BuildTests.Delivery;

/// <summary>A deploy or rollback on the in-memory platform with virtual time, its log kept for assertions.</summary>
internal sealed class DeployHarness
{
    public const string ImageA = "localhost:5000/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string ImageB = "localhost:5000/app@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string ImageC = "localhost:5000/app@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    public InMemoryPlatform Platform { get; } = new();
    public VirtualClock Clock { get; } = new();
    public List<string> Lines { get; } = [];
    public SmokeCheck Smoke { get; } = new();
    public DeploymentSettings Settings { get; set; } = new() { BakeTime = TimeSpan.FromSeconds(30), StandbyGrace = TimeSpan.FromMinutes(30) };
    public HashSet<int> LiveProcesses { get; } = [];
    public DeployOwner Owner { get; set; } = new("tester", "run-1", "host-a", 100);

    public Task<DeploymentRecord> DeployAsync(string image, CancellationToken cancellation = default) =>
        NewDeployment().RunAsync(new DeployRequest("local", ImageDigest.Parse(image), "1.0.0", "abc123", Owner), LiveProcesses.Contains, cancellation);

    public Task<DeploymentRecord> RollbackAsync() => NewDeployment().RollbackAsync("local", Owner, LiveProcesses.Contains, CancellationToken.None);

    /// <summary>Two good deploys: ImageA went live on blue, then ImageB on green, blue standing by.</summary>
    public async Task TwoGoodDeploysAsync()
    {
        await DeployAsync(ImageA);
        await DeployAsync(ImageB);
    }

    /// <summary>ImageA went live on blue; now ImageB is deployed to green, which behaves as <paramref name="green"/>.</summary>
    public async Task<DeploymentRecord> SecondDeployAsync(Behaviour green)
    {
        await DeployAsync(ImageA);
        Platform.NextBehaviour = green;
        return await DeployAsync(ImageB);
    }

    /// <summary>Every percentage of production traffic the given color was ever given.</summary>
    public IEnumerable<int> TrafficGiven(Color color) => Platform.WeightHistory.Select(w => w.For(color));

    private BlueGreenDeployment NewDeployment() =>
        new(Platform, Settings, Smoke, Clock, new DeploymentLog(Clock, TimeSpan.FromSeconds(5), Lines.Add));

    internal sealed class SmokeCheck : IPreTrafficCheck
    {
        public string? Failure { get; set; }
        public List<ExpectedRelease> Calls { get; } = [];

        public Task<string?> FailureAsync(Uri address, ExpectedRelease expected, CancellationToken cancellation)
        {
            Calls.Add(expected);
            return Task.FromResult(Failure);
        }
    }
}
