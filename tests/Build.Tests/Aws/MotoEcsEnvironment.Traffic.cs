namespace BuildTests.Aws;

/// <summary>
/// Traffic as the ECS platform sees it: moto's load balancers serve nothing (without its data plane), so what the load
/// balancer would report to CloudWatch for a color's requests is put there, the metrics SampleAsync reads; and the
/// color the test listener forwards to, read from the listener itself.
/// </summary>
internal sealed partial class MotoEcsEnvironment
{
    private readonly Dictionary<Color, Dictionary<string, string>> dimensions = [];

    /// <summary>What the load balancer reports for a minute in which the color's target group served <paramref name="requests"/> requests, <paramref name="serverErrors"/> of them 5xx.</summary>
    public async Task PutTrafficAsync(Color color, double requests, double serverErrors, double responseSeconds, CancellationToken cancellation = default)
    {
        var of = await DimensionsAsync(color, cancellation);
        var now = DateTimeOffset.UtcNow;
        await Metrics.PutMetricData(
            "AWS/ApplicationELB",
            [new("RequestCount", of, requests, "Count", now), new("HTTPCode_Target_5XX_Count", of, serverErrors, "Count", now), new("TargetResponseTime", of, responseSeconds, "Seconds", now)],
            cancellation);
    }

    /// <summary>The color whose target group the test listener forwards to (with a weight), or null when it forwards to none or to both.</summary>
    public async Task<Color?> TestListenerColorAsync()
    {
        var balancer = (await Elb.DescribeLoadBalancer(Names.LoadBalancer, CancellationToken.None))!;
        var test = (await Elb.DescribeListeners(balancer.Arn, CancellationToken.None)).Single(l => l.Port == Settings.Platform.TestPort);
        var forwardedTo = test.DefaultActions.Where(a => a.Type == "forward").SelectMany(a => a.TargetGroups).Where(g => g.Weight > 0).Select(g => g.TargetGroupArn).ToHashSet();
        var colors = new List<Color>();
        foreach (var color in new[] { Color.Blue, Color.Green })
        {
            if (forwardedTo.Contains((await Elb.DescribeTargetGroup(Names.TargetGroup(color), CancellationToken.None))!.Arn))
                colors.Add(color);
        }

        return colors.Count == 1 && forwardedTo.Count == 1 ? colors[0] : null;
    }

    /// <summary>CloudWatch's dimensions of the color's target group: the load balancer's and the group's ARN resource parts.</summary>
    private async Task<Dictionary<string, string>> DimensionsAsync(Color color, CancellationToken cancellation)
    {
        if (dimensions.TryGetValue(color, out var known))
            return known;
        var balancer = (await Elb.DescribeLoadBalancer(Names.LoadBalancer, cancellation))!;
        var group = (await Elb.DescribeTargetGroup(Names.TargetGroup(color), cancellation))!;
        return dimensions[color] = new Dictionary<string, string>
        {
            ["LoadBalancer"] = balancer.Arn[(balancer.Arn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..],
            ["TargetGroup"] = group.Arn[(group.Arn.LastIndexOf(':') + 1)..],
        };
    }
}
