using Pipeline.Aws;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// An environment's resources as found in AWS: the cluster, the load balancer, its production and test listeners and
/// the two colors' target groups. Finding them is where a wrong region, an unknown cluster or a listener the platform
/// cannot steer fails, in one line, before anything changes.
/// </summary>
public sealed record EcsResources(EcsCluster Cluster, LoadBalancer LoadBalancer, Listener Production, Listener Test, TargetGroup Blue, TargetGroup Green)
{
    public TargetGroup TargetGroup(Color color) => color == Color.Blue ? Blue : Green;

    public static async Task<EcsResources> FindAsync(EcsClient ecs, Elbv2 elb, EcsPlatformSettings settings, CancellationToken cancellation)
    {
        var names = settings.Names;
        var provision = $"run ./build.sh Provision --environment {names.Environment}, or check --ecs-app, --ecs-cluster and the region ({settings.Region})";
        var cluster = await ecs.DescribeCluster(names.Cluster, cancellation) is { Status: "ACTIVE" } found
            ? found
            : throw new InvalidOperationException($"ECS cluster '{names.Cluster}' not found (or not ACTIVE) in {settings.Region}: {provision}");
        var balancer = await elb.DescribeLoadBalancer(names.LoadBalancer, cancellation)
            ?? throw new InvalidOperationException($"load balancer '{names.LoadBalancer}' not found in {settings.Region}: {provision}");
        var blue = await TargetGroupAsync(elb, names.TargetGroup(Color.Blue), provision, cancellation);
        var green = await TargetGroupAsync(elb, names.TargetGroup(Color.Green), provision, cancellation);
        var listeners = await elb.DescribeListeners(balancer.Arn, cancellation);
        var production = Steerable(listeners, settings.ProductionPort, "production", balancer, provision, blue, green);
        var test = Steerable(listeners, settings.TestPort, "test", balancer, provision, blue, green);
        return new EcsResources(cluster, balancer, production, test, blue, green);
    }

    private static async Task<TargetGroup> TargetGroupAsync(Elbv2 elb, string name, string provision, CancellationToken cancellation) =>
        await elb.DescribeTargetGroup(name, cancellation) ?? throw new InvalidOperationException($"target group '{name}' not found: {provision}");

    /// <summary>The listener on the port, whose default action must be a forward to (only) the two colors' target groups.</summary>
    private static Listener Steerable(IReadOnlyList<Listener> listeners, int port, string role, LoadBalancer balancer, string provision, TargetGroup blue, TargetGroup green)
    {
        var listener = listeners.FirstOrDefault(l => l.Port == port)
            ?? throw new InvalidOperationException($"load balancer '{balancer.Name}' has no {role} listener on port {port}: {provision}");
        var forward = listener.DefaultActions.FirstOrDefault(a => a.Type == "forward");
        if (forward is null || listener.DefaultActions.Count != 1)
        {
            throw new InvalidOperationException(
                $"the {role} listener on port {port} of '{balancer.Name}' has no single forward action (it has: {string.Join(", ", listener.DefaultActions.Select(a => a.Type))}); blue/green shifts traffic by a forward action's weights");
        }

        var strangers = forward.TargetGroups.Where(g => g.TargetGroupArn != blue.Arn && g.TargetGroupArn != green.Arn).ToList();
        return strangers.Count == 0
            ? listener
            : throw new InvalidOperationException($"the {role} listener on port {port} forwards to target groups other than {blue.Name} and {green.Name}: {string.Join(", ", strangers.Select(s => s.TargetGroupArn))}");
    }
}
