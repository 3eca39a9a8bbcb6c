namespace BuildTests.Aws;

/// <summary>
/// Blue/green deploys and rollbacks on the environment, with fast settings and their log in <see cref="Lines"/>. moto
/// serves no traffic: the HTTP smoke checks are replaced by <see cref="PassingCheck"/>, and the rollouts complete
/// through the launcher in build/services/moto-ecs.py.
/// </summary>
internal sealed partial class MotoEcsEnvironment
{
    public static DeploymentSettings Fast => new()
    {
        Steps = TrafficSteps.Parse("10,50,100"),
        BakeTime = TimeSpan.FromMilliseconds(600),
        StageTimeout = TimeSpan.FromSeconds(30),
        HealthTimeout = TimeSpan.FromSeconds(30),
        PollInterval = TimeSpan.FromMilliseconds(100),
        DrainTime = TimeSpan.Zero,
        StandbyGrace = TimeSpan.FromMinutes(30),
        Analysis = new AnalysisSettings { Interval = TimeSpan.FromMilliseconds(200), MaxErrorRate = 0.01, MaxResponseTime = TimeSpan.FromSeconds(1) },
    };

    /// <summary>What the deploys and rollbacks printed.</summary>
    public List<string> Lines { get; } = [];

    private static DeployOwner Owner => new("tester", "run-" + Guid.NewGuid().ToString("N")[..6], "test-host", Environment.ProcessId);

    public Task<DeploymentRecord> DeployAsync(string image, DeploymentSettings? settings = null, CancellationToken cancellation = default) =>
        Deployment(settings).RunAsync(new DeployRequest(Names.Environment, ImageDigest.Parse(image), "1.0.0", "abc1234", Owner), _ => true, cancellation);

    public Task<DeploymentRecord> RollbackAsync() =>
        Deployment(null).RollbackAsync(Names.Environment, Owner, _ => true, CancellationToken.None);

    private BlueGreenDeployment Deployment(DeploymentSettings? settings) =>
        new(Platform(), settings ?? Fast, new PassingCheck(), SystemDeployClock.Instance, new DeploymentLog(SystemDeployClock.Instance, TimeSpan.FromSeconds(5), Lines.Add));

    /// <summary>Stands in for the HTTP smoke suite, which has nothing to reach behind moto's load balancer.</summary>
    internal sealed class PassingCheck : IPreTrafficCheck
    {
        public Task<string?> FailureAsync(Uri address, ExpectedRelease expected, CancellationToken cancellation) => Task.FromResult<string?>(null);
    }
}
