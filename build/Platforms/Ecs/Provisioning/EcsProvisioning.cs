using Engine;
using Pipeline.Aws;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs.Provisioning;

/// <summary>
/// Creates what the ECS platform needs and is missing, in dependency order, and says of each resource whether it was
/// found or created; a second run finds everything. What a missing resource needs (subnets, roles, an image) is
/// checked for all of them before the first is created, so bad input changes nothing.
/// </summary>
public sealed class EcsProvisioning(ProvisionSettings settings, EcsClient ecs, Elbv2 elb, CloudWatchLogs logs)
{
    private static readonly Color[] Colors = [Color.Blue, Color.Green];
    private readonly List<string> created = [];
    private readonly List<string> found = [];

    private EcsNames Names => settings.Platform.Names;

    private Dictionary<string, string> Tags => new() { ["app"] = Names.App, ["environment"] = Names.Environment, ["managed-by"] = "app-pipeline" };

    public async Task<(IReadOnlyList<string> Created, IReadOnlyList<string> Found)> RunAsync(CancellationToken cancellation)
    {
        var existing = await EcsInventory.TakeAsync(Names, ecs, elb, cancellation);
        existing.Require(settings);

        if (existing.Cluster is null)
            await CreateAsync($"cluster {Names.Cluster}", () => ecs.CreateCluster(Names.Cluster, Tags, cancellation));
        else
            Found($"cluster {Names.Cluster}");
        Note($"log group {Names.LogGroup}", await logs.EnsureLogGroup(Names.LogGroup, settings.LogRetentionDays, cancellation));

        var balancer = existing.LoadBalancer ?? await CreateAsync(
            $"load balancer {Names.LoadBalancer}", () => elb.CreateLoadBalancer(Names.LoadBalancer, settings.Subnets, settings.SecurityGroups, Tags, cancellation));
        if (existing.LoadBalancer is not null)
            Found($"load balancer {Names.LoadBalancer} ({balancer.DnsName})");

        var groups = new Dictionary<Color, TargetGroup>();
        foreach (var color in Colors)
        {
            var name = Names.TargetGroup(color);
            if (existing.TargetGroups.GetValueOrDefault(color) is { } group)
            {
                groups[color] = group;
                Found($"target group {name}");
                continue;
            }

            groups[color] = await CreateAsync(
                $"target group {name}",
                () => elb.CreateTargetGroup(name, settings.Vpc ?? balancer.VpcId!, settings.ContainerPort, settings.HealthCheckPath, Tags, cancellation));
            await elb.SetDeregistrationDelay(groups[color].Arn, settings.DrainTime, cancellation);
        }

        // Everything on blue to begin with: both colors run nothing until the first deploy.
        var listeners = await elb.DescribeListeners(balancer.Arn, cancellation);
        await ListenerAsync(balancer, listeners, settings.Platform.ProductionPort, "production", [new(groups[Color.Blue].Arn, 100), new(groups[Color.Green].Arn, 0)], cancellation);
        await ListenerAsync(balancer, listeners, settings.Platform.TestPort, "test", [new(groups[Color.Blue].Arn, 1)], cancellation);

        foreach (var color in Colors)
        {
            var family = Names.TaskFamily(color);
            var revision = existing.Revisions.GetValueOrDefault(color) ?? (await CreateAsync(
                $"task definition {family}",
                () => ecs.RegisterTaskDefinition(FirstRevision.Request(settings, settings.Platform.Region, color), Tags, cancellation))).Arn;
            if (existing.Revisions.ContainsKey(color))
                Found($"task definition {family}");

            if (existing.Services.Contains(color))
            {
                Found($"service {Names.Service(color)}");
                continue;
            }

            var spec = new EcsServiceSpec(
                Names.Cluster, Names.Service(color), revision, DesiredCount: 0, groups[color].Arn, Names.Container, settings.ContainerPort,
                settings.Subnets, settings.SecurityGroups, settings.AssignPublicIp, Tags);
            await CreateAsync($"service {Names.Service(color)}", () => ecs.CreateService(spec, cancellation));
        }

        return (created, found);
    }

    private async Task ListenerAsync(
        LoadBalancer balancer, IReadOnlyList<Listener> listeners, int port, string role, IReadOnlyList<WeightedTargetGroup> forward, CancellationToken cancellation)
    {
        if (listeners.Any(l => l.Port == port))
            Found($"{role} listener :{port}");
        else
            await CreateAsync($"{role} listener :{port}", () => elb.CreateListener(balancer.Arn, port, forward, Tags, cancellation));
    }

    private async Task<T> CreateAsync<T>(string what, Func<Task<T>> create)
    {
        var result = await create();
        Note(what, created: true);
        return result;
    }

    private void Found(string what) => Note(what, created: false);

    private void Note(string what, bool created)
    {
        (created ? this.created : found).Add(what);
        Log.Information($"{what}: {(created ? "created" : "found")}");
    }
}
