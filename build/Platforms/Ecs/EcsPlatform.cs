using Pipeline.Aws;
using Pipeline.Delivery;
using Pipeline.Waiting;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// Blue/green on ECS Fargate behind an Application Load Balancer: per color a service, its own task definition family
/// and a target group; the production listener's weighted forward action carries the traffic split, the test
/// listener forwards to the idle color. The environment's state and the deploy lock are tags on the production
/// listener, so every deploy of the environment, from a laptop or CI, sees the same ones.
/// </summary>
public sealed partial class EcsPlatform(EcsPlatformSettings settings, EcsClient ecs, Elbv2 elb, CloudWatch metrics, IDeployClock clock) : IDeploymentPlatform
{
    private readonly Dictionary<Color, string> staged = [];

    /// <summary>Since when the colors' traffic counts (CloudWatch's sums are taken from here).</summary>
    private readonly DateTimeOffset created = clock.UtcNow;
    private EcsResources? resources;

    public EcsPlatform(EcsPlatformSettings settings, AwsConnection connection)
        : this(settings, new EcsClient(connection), new Elbv2(connection), new CloudWatch(connection), SystemDeployClock.Instance)
    {
    }

    private EcsNames Names => settings.Names;

    public string Description => $"ECS: cluster {Names.Cluster}, load balancer {Names.LoadBalancer} (:{settings.ProductionPort}, test :{settings.TestPort}) in {settings.Region}";

    public Uri PublicAddress => settings.PublicAddress ?? Address(settings.ProductionPort);

    public Uri TestAddress => settings.TestAddress ?? Address(settings.TestPort);

    public async Task CheckReachableAsync(CancellationToken cancellation)
    {
        var found = await ResourcesAsync(cancellation);
        var services = await BothServicesAsync(cancellation);
        var missing = new[] { Color.Blue, Color.Green }.Select(Names.Service).Except(services.Where(s => s.Status == "ACTIVE").Select(s => s.Name)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"ECS service(s) {string.Join(", ", missing)} not found in cluster {found.Cluster.Name}: run ./build.sh Provision --environment {Names.Environment}");
    }

    public async Task<int> CapacityAsync(Color color, CancellationToken cancellation) => (await ServiceAsync(color, cancellation)).DesiredCount;

    private async Task<EcsResources> ResourcesAsync(CancellationToken cancellation) =>
        resources ??= await EcsResources.FindAsync(ecs, elb, settings, cancellation);

    /// <summary>Both colors' services, in one call; a missing one is simply not in the list.</summary>
    private Task<IReadOnlyList<EcsService>> BothServicesAsync(CancellationToken cancellation) =>
        ecs.DescribeServices(Names.Cluster, [Names.Service(Color.Blue), Names.Service(Color.Green)], cancellation);

    private async Task<EcsService> ServiceAsync(Color color, CancellationToken cancellation) =>
        (await ecs.DescribeServices(Names.Cluster, [Names.Service(color)], cancellation)).FirstOrDefault()
        ?? throw new InvalidOperationException($"ECS service {Names.Service(color)} not found in cluster {Names.Cluster}: run ./build.sh Provision --environment {Names.Environment}");

    /// <summary>The load balancer's DNS name on a listener's port; known once the resources were looked up (every deploy, smoke test and rollback reads the state first).</summary>
    private Uri Address(int port) => resources is { } found
        ? new Uri($"http://{found.LoadBalancer.DnsName}:{port}/")
        : throw new InvalidOperationException("the load balancer's address is read from AWS first: read the environment's state before asking for it");
}
