using Pipeline.Aws;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs.Provisioning;

/// <summary>
/// What of an environment already exists, looked up before Provision creates anything, and the check that what is
/// missing can be created from the parameters given (one line naming each parameter it lacks).
/// </summary>
public sealed record EcsInventory(
    EcsCluster? Cluster,
    LoadBalancer? LoadBalancer,
    IReadOnlyDictionary<Color, TargetGroup> TargetGroups,
    IReadOnlyDictionary<Color, string> Revisions,
    IReadOnlySet<Color> Services)
{
    public static async Task<EcsInventory> TakeAsync(EcsNames names, EcsClient ecs, Elbv2 elb, CancellationToken cancellation)
    {
        Color[] colors = [Color.Blue, Color.Green];
        var cluster = await ecs.DescribeCluster(names.Cluster, cancellation) is { Status: "ACTIVE" } active ? active : null;
        var balancer = await elb.DescribeLoadBalancer(names.LoadBalancer, cancellation);
        var groups = new Dictionary<Color, TargetGroup>();
        var revisions = new Dictionary<Color, string>();
        foreach (var color in colors)
        {
            if (await elb.DescribeTargetGroup(names.TargetGroup(color), cancellation) is { } group)
                groups[color] = group;
            if ((await ecs.ListTaskDefinitions(names.TaskFamily(color), cancellation)).FirstOrDefault() is { } newest)
                revisions[color] = newest;
        }

        var services = cluster is null
            ? []
            : (await ecs.DescribeServices(names.Cluster, colors.Select(names.Service).ToList(), cancellation))
                .Where(s => s.Status == "ACTIVE").Select(s => colors.First(c => names.Service(c) == s.Name)).ToHashSet();
        return new EcsInventory(cluster, balancer, groups, revisions, services);
    }

    public void Require(ProvisionSettings settings)
    {
        var lacking = new List<string>();
        var servicesMissing = Services.Count < 2;
        if ((LoadBalancer is null || servicesMissing) && settings.Subnets.Count == 0)
            lacking.Add("--ecs-subnets");
        if ((LoadBalancer is null || servicesMissing) && settings.SecurityGroups.Count == 0)
            lacking.Add("--ecs-security-groups");
        if (Revisions.Count < 2 && settings.ExecutionRoleArn is null)
            lacking.Add("--ecs-execution-role");
        if (Revisions.Count < 2 && settings.InitialImage is null)
            lacking.Add("--image-digest (or run PushEcr first)");
        if (TargetGroups.Count < 2 && LoadBalancer is { VpcId: null } && settings.Vpc is null)
            lacking.Add("--ecs-vpc");
        if (lacking.Count > 0)
        {
            throw new InvalidOperationException(
                $"Provision cannot create what is missing in {settings.Platform.Names.Prefix} without {string.Join(", ", lacking)}; nothing was changed");
        }
    }
}
