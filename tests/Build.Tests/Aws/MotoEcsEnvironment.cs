using System.Text.Json;
using System.Text.Json.Nodes;

namespace BuildTests.Aws;

/// <summary>
/// One environment's ECS platform in moto, made the way a user makes it: by Provision (<see cref="EcsProvisioning"/>),
/// checked with the typed clients. <see cref="CreateAsync"/> leaves it unprovisioned, for the tests of Provision itself;
/// <see cref="ProvisionedAsync"/> runs Provision. Each environment has a name of its own (its app's or its
/// environment's), so tests sharing moto never see each other's resources. Needs build/services/moto-ecs.py: plain
/// moto completes no rollout, and fails RunTask for a definition sized per task only (as Provision's first revision is).
/// </summary>
internal sealed partial class MotoEcsEnvironment
{
    /// <summary>The image of each color's first revision (Provision's --ecs-initial-image).</summary>
    public const string ImageA = "127.0.0.1:5000/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string ImageB = "127.0.0.1:5000/app@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string ImageC = "127.0.0.1:5000/app@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    private MotoEcsEnvironment(ProvisionSettings settings, MotoNetwork network)
    {
        Settings = settings;
        Network = network;
        var connection = MotoNetwork.Connection();
        Ecs = new EcsClient(connection);
        Elb = new Elbv2(connection);
        Metrics = new CloudWatch(connection);
        Logs = new CloudWatchLogs(connection);
    }

    public ProvisionSettings Settings { get; }

    public MotoNetwork Network { get; }

    public EcsNames Names => Settings.Platform.Names;

    public EcsClient Ecs { get; }

    public Elbv2 Elb { get; }

    public CloudWatch Metrics { get; }

    public CloudWatchLogs Logs { get; }

    /// <summary>
    /// An environment nothing was created for yet but its network. <paramref name="app"/> is --ecs-app (default: one of
    /// its own), <paramref name="environment"/> --environment (default staging, where DeployProduction looks).
    /// </summary>
    public static async Task<MotoEcsEnvironment> CreateAsync(string? app = null, string environment = "staging", int keepRevisions = 10)
    {
        var network = await MotoNetwork.Create(CancellationToken.None);
        app ??= "t" + Guid.NewGuid().ToString("N")[..6];
        var names = new EcsNames(app, environment, $"{app}-{environment}", "app");
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

    /// <summary>
    /// An environment as Provision leaves it: cluster, log group, load balancer with its listeners, and per color a
    /// target group, a task family running <see cref="ImageA"/> (an awslogs container) and a service scaled to 0.
    /// </summary>
    public static async Task<MotoEcsEnvironment> ProvisionedAsync(string? app = null, string environment = "staging", int keepRevisions = 10)
    {
        var created = await CreateAsync(app, environment, keepRevisions);
        await created.Provisioning().RunAsync(CancellationToken.None);
        return created;
    }

    /// <summary>
    /// Provisioned as app "app" in an environment of its own: the names the build gives that --environment without
    /// --ecs-app, for tests that run the build as a user would.
    /// </summary>
    public static Task<MotoEcsEnvironment> ProvisionedForDefaultAppAsync() => ProvisionedAsync("app", NewEnvironment());

    /// <summary>An environment name of its own (app "app" then names its resources app-&lt;it&gt;).</summary>
    public static string NewEnvironment() => "t" + Guid.NewGuid().ToString("N")[..8];

    public EcsProvisioning Provisioning(ProvisionSettings? settings = null) => new(settings ?? Settings, Ecs, Elb, Logs);

    public EcsPlatform Platform() => new(Settings.Platform, Ecs, Elb, Metrics, SystemDeployClock.Instance);

    /// <summary>
    /// Deletes both services after Provision (ECS keeps them a while as INACTIVE), leaving the cluster and the task
    /// families: an environment whose services someone removed by hand, which MigrateDb can take no network from.
    /// </summary>
    public async Task DeleteServicesAsync()
    {
        using var ecs = new AwsJsonClient(MotoNetwork.Connection(), EcsClient.Service);
        foreach (var color in new[] { Color.Blue, Color.Green })
            await ecs.CallAsync("DeleteService", new JsonObject { ["cluster"] = Names.Cluster, ["service"] = Names.Service(color) }, CancellationToken.None);
    }

    /// <summary>A task as ECS describes it now, as raw JSON: the typed EcsTask has no startedBy or overrides, which a test reads.</summary>
    public async Task<JsonElement> DescribeTaskAsync(string taskArn)
    {
        using var ecs = new AwsJsonClient(MotoNetwork.Connection(), EcsClient.Service);
        var answer = await ecs.CallAsync("DescribeTasks", new JsonObject { ["cluster"] = Names.Cluster, ["tasks"] = new JsonArray(taskArn) }, CancellationToken.None);
        return answer.GetProperty("tasks")[0];
    }
}
