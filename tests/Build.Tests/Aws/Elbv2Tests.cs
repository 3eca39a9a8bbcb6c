namespace BuildTests.Aws;

/// <summary>The ELBv2 client against moto: the load balancer, target groups, a weighted listener, rules, tags, health.</summary>
public class Elbv2Tests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Dictionary<string, string> NoTags = [];

    [MotoFact]
    public async Task The_load_balancer_target_group_and_listener_are_created_and_described_again()
    {
        using var client = Client();
        var elb = new Elbv2(client);
        var network = await MotoNetwork.Create(None);
        var name = Unique("alb");

        Assert.Null(await elb.DescribeLoadBalancer(name, None));
        var created = await elb.CreateLoadBalancer(name, network.SubnetIds, [network.SecurityGroupId], new Dictionary<string, string> { ["app"] = "web" }, None);
        var group = await elb.CreateTargetGroup(Unique("blue"), network.VpcId, 8080, "/health", NoTags, None);
        var listener = await elb.CreateListener(created.Arn, 80, [new(group.Arn, 1)], NoTags, None);

        // A new load balancer is provisioning, then active: moto makes it active by the first describe.
        var again = await elb.DescribeLoadBalancer(name, None);
        Assert.Equal(created with { State = again!.State }, again);
        Assert.Equal(("provisioning", "active"), (created.State, again.State));
        Assert.Equal(name, created.Name);
        Assert.Equal(network.VpcId, created.VpcId);
        Assert.NotEmpty(created.DnsName);
        Assert.Equal((80, "HTTP", created.Arn), (listener.Port, listener.Protocol, listener.LoadBalancerArn));
        var described = Assert.Single(await elb.DescribeListeners(created.Arn, None));
        Assert.Equal(listener.Arn, described.Arn);
        Assert.Equal([("forward", group.Arn, 1)], Forwards(described.DefaultActions));
        var describedGroup = await elb.DescribeTargetGroup(group.Name, None);
        Assert.Equal((group.Arn, 8080, "/health"), (describedGroup!.Arn, describedGroup.Port, describedGroup.HealthCheckPath));
        Assert.Equal([created.Arn], describedGroup.LoadBalancerArns);
    }

    [MotoFact]
    public async Task A_weighted_forward_reads_back_exactly_on_the_listener_and_its_default_rule()
    {
        using var client = Client();
        var elb = new Elbv2(client);
        var (listener, blue, green) = await Listener(elb);

        await elb.ModifyListenerForward(listener.Arn, [new(blue.Arn, 90), new(green.Arn, 10)], None);

        var actions = Assert.Single(await elb.DescribeListeners(listener.LoadBalancerArn, None)).DefaultActions;
        Assert.Equal([("forward", blue.Arn, 90), ("forward", green.Arn, 10)], Forwards(actions));
        var rule = Assert.Single(await elb.DescribeRules(listener.Arn, None));
        Assert.True(rule.IsDefault);
        Assert.Equal("default", rule.Priority);
        Assert.Equal(Forwards(actions), Forwards(rule.Actions));
    }

    [MotoFact]
    public async Task A_rules_forward_is_modified_and_read_back()
    {
        using var client = Client();
        var elb = new Elbv2(client);
        var (listener, blue, green) = await Listener(elb);
        var ruleArn = await CreatePathRule(client, listener.Arn, blue.Arn);

        await elb.ModifyRuleForward(ruleArn, [new(blue.Arn, 50), new(green.Arn, 50)], None);

        var rule = Assert.Single(await elb.DescribeRules(listener.Arn, None), r => !r.IsDefault);
        Assert.Equal(("10", ruleArn), (rule.Priority, rule.Arn));
        Assert.Equal([("forward", blue.Arn, 50), ("forward", green.Arn, 50)], Forwards(rule.Actions));
    }

    [MotoFact]
    public async Task Tags_are_added_read_and_removed()
    {
        using var client = Client();
        var elb = new Elbv2(client);
        var network = await MotoNetwork.Create(None);
        var group = await elb.CreateTargetGroup(Unique("tags"), network.VpcId, 8080, "/health", new Dictionary<string, string> { ["app"] = "web" }, None);

        await elb.AddTags(group.Arn, new Dictionary<string, string> { ["color"] = "blue", ["release"] = "1.2.3" }, None);
        var added = await elb.DescribeTags(group.Arn, None);
        await elb.RemoveTags(group.Arn, ["release"], None);
        var removed = await elb.DescribeTags(group.Arn, None);

        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["color"] = "blue", ["release"] = "1.2.3" }, added);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["color"] = "blue" }, removed);
    }

    [MotoFact]
    public async Task Registered_targets_report_their_health()
    {
        using var client = Client();
        var elb = new Elbv2(client);
        var (_, blue, _) = await Listener(elb);

        await elb.RegisterTargets(blue.Arn, [("10.0.1.10", 8080), ("10.0.2.20", 8080)], None);

        var health = await elb.DescribeTargetHealth(blue.Arn, None);
        Assert.Equal([("10.0.1.10", 8080), ("10.0.2.20", 8080)], health.Select(h => (h.Id, h.Port ?? 0)).Order());
        Assert.All(health, h => Assert.Equal("healthy", h.State));
    }

    [MotoFact]
    public async Task What_does_not_exist_is_null_or_a_typed_error()
    {
        using var client = Client();
        var elb = new Elbv2(client);
        var (listener, blue, _) = await Listener(elb);
        var missingListener = listener.Arn[..listener.Arn.LastIndexOf('/')] + "/0000000000000000";

        Assert.Null(await elb.DescribeLoadBalancer(Unique("missing"), None));
        Assert.Null(await elb.DescribeTargetGroup(Unique("missing"), None));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => elb.ModifyListenerForward(missingListener, [new(blue.Arn, 1)], None));
        Assert.Equal(("ListenerNotFound", "ELBv2", "ModifyListener"), (error.Code, error.Service, error.Operation));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_weight_outside_0_to_999_is_refused_before_any_call()
    {
        using var client = new AwsQueryClient(AwsQueryClientTests.Connection(new Uri("http://127.0.0.1:9/")), Elbv2.Service);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new Elbv2(client).ModifyListenerForward("arn:listener", [new("arn:tg", 1000)], None));

        Assert.Contains("arn:tg has 1000", error.Message, StringComparison.Ordinal);
    }

    internal static AwsQueryClient Client() => new(MotoNetwork.Connection(), Elbv2.Service);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>An HTTP listener on a new load balancer forwarding to blue; green is a second group in the same VPC.</summary>
    private static async Task<(Listener Listener, TargetGroup Blue, TargetGroup Green)> Listener(Elbv2 elb)
    {
        var network = await MotoNetwork.Create(None);
        var balancer = await elb.CreateLoadBalancer(Unique("alb"), network.SubnetIds, [network.SecurityGroupId], NoTags, None);
        var blue = await elb.CreateTargetGroup(Unique("blue"), network.VpcId, 8080, "/health", NoTags, None);
        var green = await elb.CreateTargetGroup(Unique("green"), network.VpcId, 8080, "/health", NoTags, None);
        return (await elb.CreateListener(balancer.Arn, 80, [new(blue.Arn, 1)], NoTags, None), blue, green);
    }

    /// <summary>A path rule made test-side: the pipeline never creates rules, it only shifts their weights.</summary>
    private static async Task<string> CreatePathRule(AwsQueryClient client, string listenerArn, string targetGroupArn)
    {
        var parameters = new AwsQueryParameters()
            .Add("ListenerArn", listenerArn).Add("Priority", 10)
            .List("Conditions", ["/api/*"], (condition, path) => condition.Add("Field", "path-pattern").List("Values", [path]))
            .List("Actions", [targetGroupArn], (action, arn) => action.Add("Type", "forward").Add("TargetGroupArn", arn));
        var result = await client.CallAsync("CreateRule", parameters, None);
        return result.Members("Rules").Single().Required("RuleArn");
    }

    private static List<(string Type, string TargetGroupArn, int Weight)> Forwards(IReadOnlyList<ListenerAction> actions) =>
        [.. actions.SelectMany(a => a.TargetGroups.Select(g => (a.Type, g.TargetGroupArn, g.Weight)))];
}
