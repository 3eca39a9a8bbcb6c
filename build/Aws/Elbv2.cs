namespace Pipeline.Aws;

/// <summary>
/// Elastic Load Balancing v2's API (awsQuery 2015-12-01), the operations blue/green on ECS uses: the application load
/// balancer and its target groups, their health and tags; listeners and rules are in Elbv2.Listeners.cs.
/// </summary>
public sealed partial class Elbv2(AwsQueryClient client)
{
    public static readonly AwsQueryService Service = new("ELBv2", "Elastic Load Balancing v2", "elasticloadbalancing", "elasticloadbalancing", "2015-12-01");

    public Elbv2(AwsConnection connection)
        : this(new AwsQueryClient(connection, Service))
    {
    }

    public async Task<LoadBalancer?> DescribeLoadBalancer(string name, CancellationToken cancellation)
    {
        var result = await client.CallOrNullAsync("DescribeLoadBalancers", new AwsQueryParameters().List("Names", [name]), "LoadBalancerNotFound", cancellation);
        return result?.Members("LoadBalancers").Select(LoadBalancer.From).FirstOrDefault();
    }

    /// <summary>An internet-facing application load balancer.</summary>
    public async Task<LoadBalancer> CreateLoadBalancer(
        string name, IReadOnlyList<string> subnets, IReadOnlyList<string> securityGroups, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        var parameters = new AwsQueryParameters()
            .Add("Name", name).Add("Type", "application").Add("Scheme", "internet-facing")
            .List("Subnets", subnets).List("SecurityGroups", securityGroups).Tags(tags);
        var result = await client.CallAsync("CreateLoadBalancer", parameters, cancellation);
        return result.Members("LoadBalancers").Select(LoadBalancer.From).Single();
    }

    public async Task<TargetGroup?> DescribeTargetGroup(string name, CancellationToken cancellation)
    {
        var result = await client.CallOrNullAsync("DescribeTargetGroups", new AwsQueryParameters().List("Names", [name]), "TargetGroupNotFound", cancellation);
        return result?.Members("TargetGroups").Select(TargetGroup.From).FirstOrDefault();
    }

    /// <summary>An HTTP target group of IP targets (what Fargate tasks register as), health-checked on <paramref name="healthCheckPath"/>.</summary>
    public async Task<TargetGroup> CreateTargetGroup(
        string name, string vpcId, int port, string healthCheckPath, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        var parameters = new AwsQueryParameters()
            .Add("Name", name).Add("Protocol", "HTTP").Add("Port", port).Add("VpcId", vpcId).Add("TargetType", "ip")
            .Add("HealthCheckPath", healthCheckPath).Tags(tags);
        var result = await client.CallAsync("CreateTargetGroup", parameters, cancellation);
        return result.Members("TargetGroups").Select(TargetGroup.From).Single();
    }

    /// <summary>Deletes the target group; no listener or rule may forward to it any more.</summary>
    public async Task DeleteTargetGroup(string targetGroupArn, CancellationToken cancellation) =>
        await client.CallAsync("DeleteTargetGroup", new AwsQueryParameters().Add("TargetGroupArn", targetGroupArn), cancellation);

    public async Task<IReadOnlyList<TargetHealth>> DescribeTargetHealth(string targetGroupArn, CancellationToken cancellation)
    {
        var result = await client.CallAsync("DescribeTargetHealth", new AwsQueryParameters().Add("TargetGroupArn", targetGroupArn), cancellation);
        return [.. result.Members("TargetHealthDescriptions").Select(TargetHealth.From)];
    }

    /// <summary>How long a deregistered target keeps its open connections before the load balancer drops them.</summary>
    public async Task SetDeregistrationDelay(string targetGroupArn, TimeSpan delay, CancellationToken cancellation)
    {
        var parameters = new AwsQueryParameters()
            .Add("TargetGroupArn", targetGroupArn)
            .Add("Attributes.member.1.Key", "deregistration_delay.timeout_seconds")
            .Add("Attributes.member.1.Value", (int)delay.TotalSeconds);
        await client.CallAsync("ModifyTargetGroupAttributes", parameters, cancellation);
    }

    /// <summary>Registers IP targets; ECS registers a service's tasks itself, so only a recovery drill's one-off task, tests and rehearsals need this.</summary>
    public async Task RegisterTargets(string targetGroupArn, IReadOnlyList<(string Id, int Port)> targets, CancellationToken cancellation)
    {
        var parameters = new AwsQueryParameters()
            .Add("TargetGroupArn", targetGroupArn)
            .List("Targets", targets, (target, t) => target.Add("Id", t.Id).Add("Port", t.Port));
        await client.CallAsync("RegisterTargets", parameters, cancellation);
    }

    public async Task<IReadOnlyDictionary<string, string>> DescribeTags(string arn, CancellationToken cancellation)
    {
        var result = await client.CallAsync("DescribeTags", new AwsQueryParameters().List("ResourceArns", [arn]), cancellation);
        return result.Members("TagDescriptions").SelectMany(d => d.Members("Tags"))
            .ToDictionary(t => t.Required("Key"), t => t.Text("Value") ?? "", StringComparer.Ordinal);
    }

    public async Task AddTags(string arn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation) =>
        await client.CallAsync("AddTags", new AwsQueryParameters().List("ResourceArns", [arn]).Tags(tags), cancellation);

    public async Task RemoveTags(string arn, IReadOnlyList<string> keys, CancellationToken cancellation) =>
        await client.CallAsync("RemoveTags", new AwsQueryParameters().List("ResourceArns", [arn]).List("TagKeys", keys), cancellation);
}
