using BuildTests.Aws;

namespace BuildTests.Delivery.Ecs;

/// <summary>
/// An ECS environment provisioned in moto under a name of its own (so tests running together never meet), with the
/// typed clients a test checks it with. moto serves no traffic: a deploy's HTTP smoke checks are replaced by
/// <see cref="PassingCheck"/>, and its rollouts complete through the launcher in build/services/moto-ecs.py.
/// </summary>
internal sealed class MotoEcsEnvironment
{
    public const string ImageA = "127.0.0.1:5000/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string ImageB = "127.0.0.1:5000/app@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string ImageC = "127.0.0.1:5000/app@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    private MotoEcsEnvironment(ProvisionSettings settings, MotoNetwork network)
    {
        Settings = settings;
        Network = network;
        var connection = MotoNetwork.Connection();
        Ecs = new global::Ecs(connection);
        Elb = new Elbv2(connection);
        Metrics = new CloudWatch(connection);
        Logs = new CloudWatchLogs(connection);
    }

    public ProvisionSettings Settings { get; }

    public MotoNetwork Network { get; }

    public EcsNames Names => Settings.Platform.Names;

    public global::Ecs Ecs { get; }

    public Elbv2 Elb { get; }

    public CloudWatch Metrics { get; }

    public CloudWatchLogs Logs { get; }

    public List<string> Lines { get; } = [];

    public static async Task<MotoEcsEnvironment> CreateAsync(int keepRevisions = 10)
    {
        var network = await MotoNetwork.Create(CancellationToken.None);
        var app = "t" + Guid.NewGuid().ToString("N")[..6];
        var names = new EcsNames(app, "staging", $"{app}-staging", "app");
        var settings = new ProvisionSettings
        {
            Platform = new EcsPlatformSettings { Names = names, Region = "us-east-1", KeepRevisions = keepRevisions },
            Subnets = network.SubnetIds,
            SecurityGroups = [network.SecurityGroupId],
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
            InitialImage = ImageA,
            DrainTime = TimeSpan.FromSeconds(7),
        };
        return new MotoEcsEnvironment(settings, network);
    }

    public EcsProvisioning Provisioning(ProvisionSettings? settings = null) => new(settings ?? Settings, Ecs, Elb, Logs);

    public EcsPlatform Platform() => new(Settings.Platform, Ecs, Elb, Metrics, SystemDeployClock.Instance);

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

    public Task<DeploymentRecord> DeployAsync(string image, DeploymentSettings? settings = null, CancellationToken cancellation = default) =>
        Deployment(settings).RunAsync(new DeployRequest(Names.Environment, ImageDigest.Parse(image), "1.0.0", "abc1234", Owner), _ => true, cancellation);

    public Task<DeploymentRecord> RollbackAsync() =>
        Deployment(null).RollbackAsync(Names.Environment, Owner, _ => true, CancellationToken.None);

    private static DeployOwner Owner => new("tester", "run-" + Guid.NewGuid().ToString("N")[..6], "test-host", Environment.ProcessId);

    private BlueGreenDeployment Deployment(DeploymentSettings? settings) =>
        new(Platform(), settings ?? Fast, new PassingCheck(), SystemDeployClock.Instance, new DeploymentLog(SystemDeployClock.Instance, TimeSpan.FromSeconds(5), Lines.Add));

    /// <summary>Stands in for the HTTP smoke suite, which has nothing to reach behind moto's load balancer.</summary>
    internal sealed class PassingCheck : IPreTrafficCheck
    {
        public Task<string?> FailureAsync(Uri address, ExpectedRelease expected, CancellationToken cancellation) => Task.FromResult<string?>(null);
    }
}
