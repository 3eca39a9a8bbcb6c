namespace Pipeline.Aws;

/// <summary>
/// ELBv2's listeners and rules, and the weighted forward that shifts traffic between two target groups: a listener's
/// default action or a rule's actions become one <c>forward</c> whose ForwardConfig lists the groups and weights.
/// </summary>
public sealed partial class Elbv2
{
    public async Task<IReadOnlyList<Listener>> DescribeListeners(string loadBalancerArn, CancellationToken cancellation)
    {
        var listeners = await client.CallAllPagesAsync("DescribeListeners", new AwsQueryParameters().Add("LoadBalancerArn", loadBalancerArn), "Listeners", cancellation);
        return [.. listeners.Select(Listener.From)];
    }

    /// <summary>An HTTP listener whose default action forwards to <paramref name="forward"/>.</summary>
    public async Task<Listener> CreateListener(
        string loadBalancerArn, int port, IReadOnlyList<WeightedTargetGroup> forward, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        var parameters = new AwsQueryParameters()
            .Add("LoadBalancerArn", loadBalancerArn).Add("Protocol", "HTTP").Add("Port", port)
            .List("DefaultActions", [forward], Forward).Tags(tags);
        var result = await client.CallAsync("CreateListener", parameters, cancellation);
        return result.Members("Listeners").Select(Listener.From).Single();
    }

    /// <summary>The listener's default action becomes one forward to <paramref name="forward"/> (weights 0 to 999).</summary>
    public async Task ModifyListenerForward(string listenerArn, IReadOnlyList<WeightedTargetGroup> forward, CancellationToken cancellation) =>
        await client.CallAsync("ModifyListener", new AwsQueryParameters().Add("ListenerArn", listenerArn).List("DefaultActions", [forward], Forward), cancellation);

    public async Task<IReadOnlyList<ListenerRule>> DescribeRules(string listenerArn, CancellationToken cancellation)
    {
        var rules = await client.CallAllPagesAsync("DescribeRules", new AwsQueryParameters().Add("ListenerArn", listenerArn), "Rules", cancellation);
        return [.. rules.Select(ListenerRule.From)];
    }

    /// <summary>The rule's actions become one forward to <paramref name="forward"/>; its conditions stay.</summary>
    public async Task ModifyRuleForward(string ruleArn, IReadOnlyList<WeightedTargetGroup> forward, CancellationToken cancellation) =>
        await client.CallAsync("ModifyRule", new AwsQueryParameters().Add("RuleArn", ruleArn).List("Actions", [forward], Forward), cancellation);

    /// <summary>
    /// A rule that forwards only the requests carrying <paramref name="header"/> with exactly <paramref name="value"/> to
    /// one target group: a way into a target group that no listener's default action, and so no user, reaches.
    /// </summary>
    public async Task<ListenerRule> CreateHeaderRule(
        string listenerArn, int priority, string header, string value, string targetGroupArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        var parameters = new AwsQueryParameters()
            .Add("ListenerArn", listenerArn).Add("Priority", priority)
            .List("Conditions", [(header, value)], (condition, c) => condition.Add("Field", "http-header").Structure(
                "HttpHeaderConfig", config => config.Add("HttpHeaderName", c.header).List("Values", [c.value])))
            .List("Actions", [new WeightedTargetGroup(targetGroupArn, 1)], (action, group) => Forward(action, [group]))
            .Tags(tags);
        var result = await client.CallAsync("CreateRule", parameters, cancellation);
        return result.Members("Rules").Select(ListenerRule.From).Single();
    }

    public async Task DeleteRule(string ruleArn, CancellationToken cancellation) =>
        await client.CallAsync("DeleteRule", new AwsQueryParameters().Add("RuleArn", ruleArn), cancellation);

    private static void Forward(AwsQueryParameters action, IReadOnlyList<WeightedTargetGroup> groups)
    {
        var invalid = groups.FirstOrDefault(g => g.Weight is < 0 or > 999);
        if (invalid is not null)
            throw new ArgumentOutOfRangeException(nameof(groups), $"A forward weight is 0 to 999; {invalid.TargetGroupArn} has {invalid.Weight}.");
        action.Add("Type", "forward").Structure("ForwardConfig", config => config.List(
            "TargetGroups", groups, (group, g) => group.Add("TargetGroupArn", g.TargetGroupArn).Add("Weight", g.Weight)));
    }
}
