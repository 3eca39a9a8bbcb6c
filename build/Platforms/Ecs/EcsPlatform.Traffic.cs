using Pipeline.Aws;
using Pipeline.Delivery;
using Pipeline.Delivery.Roles;

namespace Pipeline.Platforms.Ecs;

/// <summary>Traffic: the listeners' forward weights (read back), target health, and CloudWatch's view of a color's requests.</summary>
public sealed partial class EcsPlatform
{
    public async Task SetWeightsAsync(TrafficWeights weights, CancellationToken cancellation)
    {
        var found = await ResourcesAsync(cancellation);
        await elb.ModifyListenerForward(found.Production.Arn, [new(found.Blue.Arn, weights.Blue), new(found.Green.Arn, weights.Green)], cancellation);
    }

    public async Task<TrafficWeights> ReadWeightsAsync(CancellationToken cancellation)
    {
        var found = await ResourcesAsync(cancellation);
        var listener = (await elb.DescribeListeners(found.LoadBalancer.Arn, cancellation)).FirstOrDefault(l => l.Arn == found.Production.Arn)
            ?? throw new InvalidOperationException($"the production listener of {found.LoadBalancer.Name} is gone: run ./build.sh Provision --environment {Names.Environment}");
        var forward = listener.DefaultActions.FirstOrDefault(a => a.Type == "forward")
            ?? throw new InvalidOperationException($"the production listener of {found.LoadBalancer.Name} no longer forwards (someone changed it): its actions are {string.Join(", ", listener.DefaultActions.Select(a => a.Type))}");
        var blue = forward.TargetGroups.Where(g => g.TargetGroupArn == found.Blue.Arn).Sum(g => g.Weight);
        var green = forward.TargetGroups.Where(g => g.TargetGroupArn == found.Green.Arn).Sum(g => g.Weight);

        // ALB weights are relative (0..999); the deploy speaks in percent of the traffic.
        var total = blue + green;
        if (total == 0)
            return new TrafficWeights(0, 0);
        var bluePercent = (int)Math.Round(100.0 * blue / total);
        return new TrafficWeights(bluePercent, 100 - bluePercent);
    }

    public async Task RouteTestTrafficAsync(Color color, CancellationToken cancellation)
    {
        var found = await ResourcesAsync(cancellation);
        await elb.ModifyListenerForward(found.Test.Arn, [new(found.TargetGroup(color).Arn, 1)], cancellation);
    }

    /// <summary>Healthy when the target group has targets and every one of them is healthy (draining ones aside).</summary>
    public async Task<HealthReading> CheckHealthAsync(Color color, CancellationToken cancellation)
    {
        var found = await ResourcesAsync(cancellation);
        IReadOnlyList<TargetHealth> targets;
        try
        {
            targets = await elb.DescribeTargetHealth(found.TargetGroup(color).Arn, cancellation);
        }
        catch (AwsServiceException e) when (AwsRetryPolicy.IsRetryable(e))
        {
            return new HealthReading(false, $"not known yet: ELB answered {e.Code} after its retries");
        }

        var serving = targets.Where(t => t.State != "draining").ToList();
        var detail = serving.Count == 0
            ? $"no targets registered in {found.TargetGroup(color).Name}"
            : string.Join(", ", serving.GroupBy(t => t.State).Select(g => $"{g.Count()} {g.Key}" + (g.First().Reason is { } reason ? $" ({reason})" : "")));
        return new HealthReading(serving.Count > 0 && serving.All(t => t.State == "healthy"), detail);
    }

    /// <summary>
    /// The color's requests and 5xx answers since this platform was made, and its mean response time over the last
    /// minute, from the load balancer's CloudWatch metrics (which arrive a minute or so late: bake for minutes on AWS).
    /// </summary>
    public async Task<TrafficSample> SampleAsync(Color color, CancellationToken cancellation)
    {
        var found = await ResourcesAsync(cancellation);
        var now = clock.UtcNow;
        var window = TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling((now - created).TotalMinutes)));
        var dimensions = new Dictionary<string, string>
        {
            ["LoadBalancer"] = Resource(found.LoadBalancer.Arn)["loadbalancer/".Length..],
            ["TargetGroup"] = Resource(found.TargetGroup(color).Arn),
        };
        const string Namespace = "AWS/ApplicationELB";
        var series = await metrics.GetMetricData(
            [
                new("requests", Namespace, "RequestCount", dimensions, "Sum", (int)window.TotalSeconds),
                new("errors", Namespace, "HTTPCode_Target_5XX_Count", dimensions, "Sum", (int)window.TotalSeconds),
                new("latency", Namespace, "TargetResponseTime", dimensions, "Average", 60),
            ],
            now - window,
            now,
            cancellation);
        var latency = series.TryGetValue("latency", out var seconds) && seconds.Values.Count > 0 ? seconds.Values[Newest(seconds)] * 1000 : (double?)null;
        return new TrafficSample((long)Sum(series, "requests"), (long)Sum(series, "errors"), latency);
    }

    private static double Sum(IReadOnlyDictionary<string, MetricSeries> series, string id) => series.TryGetValue(id, out var found) ? found.Values.Sum() : 0;

    private static int Newest(MetricSeries series) =>
        series.Timestamps.Select((time, index) => (time, index)).MaxBy(p => p.time).index;

    /// <summary>
    /// An ARN's resource part, e.g. targetgroup/name/id: CloudWatch's dimension value for a target group, and for a load
    /// balancer without its "loadbalancer/".
    /// </summary>
    private static string Resource(string arn) => arn[(arn.LastIndexOf(':') + 1)..];
}
