namespace BuildTests.Aws;

/// <summary>The CloudWatch client against moto: ALB metrics put, then read back as the canary analysis reads them.</summary>
public class CloudWatchTests
{
    private const string Alb = "AWS/ApplicationELB";

    [MotoFact]
    public async Task Alb_metrics_put_are_read_back_as_sums_and_averages_per_period()
    {
        using var client = new AwsJsonClient(MotoNetwork.Connection(), CloudWatch.Service);
        var cloudWatch = new CloudWatch(client);
        // Dimensions of their own, so other runs' data in the same moto never mixes in.
        var dimensions = new Dictionary<string, string>
        {
            ["LoadBalancer"] = $"app/alb-{Guid.NewGuid():N}/50dc6c495c0c9188",
            ["TargetGroup"] = $"targetgroup/green-{Guid.NewGuid():N}/73e2d6bc24d8a067",
        };
        var minute = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60).AddMinutes(-10);
        MetricDatum Datum(string name, double value, string unit, int second) => new(name, dimensions, value, unit, minute.AddSeconds(second));

        await cloudWatch.PutMetricData(
            Alb,
            [
                Datum("HTTPCode_Target_5XX_Count", 1, "Count", 10), Datum("HTTPCode_Target_5XX_Count", 2, "Count", 20),
                Datum("HTTPCode_Target_5XX_Count", 4, "Count", 70),
                Datum("RequestCount", 100, "Count", 10), Datum("RequestCount", 50, "Count", 20), Datum("RequestCount", 80, "Count", 70),
                Datum("TargetResponseTime", 0.2, "Seconds", 10), Datum("TargetResponseTime", 0.4, "Seconds", 20),
            ],
            CancellationToken.None);
        var series = await cloudWatch.GetMetricData(
            [
                new("errors", Alb, "HTTPCode_Target_5XX_Count", dimensions, "Sum", 60),
                new("requests", Alb, "RequestCount", dimensions, "Sum", 60),
                new("latency", Alb, "TargetResponseTime", dimensions, "Average", 60),
                new("absent", Alb, "HTTPCode_ELB_5XX_Count", dimensions, "Sum", 60),
            ],
            minute,
            minute.AddMinutes(2),
            CancellationToken.None);

        Assert.Equal([minute, minute.AddMinutes(1)], series["errors"].Timestamps);
        Assert.Equal([3.0, 4.0], series["errors"].Values);
        Assert.Equal([150.0, 80.0], series["requests"].Values);
        Assert.Equal([minute], series["latency"].Timestamps);
        Assert.Equal(0.3, Assert.Single(series["latency"].Values), precision: 9);
        Assert.Empty(series["absent"].Values);
    }

    [Fact]
    public async Task More_queries_than_one_request_takes_are_refused_before_any_call()
    {
        using var client = new AwsJsonClient(AwsQueryClientTests.Connection(new Uri("http://127.0.0.1:9/")), CloudWatch.Service);
        var queries = Enumerable.Range(0, 501).Select(i => new MetricQuery($"q{i}", Alb, "RequestCount", new Dictionary<string, string>(), "Sum", 60)).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new CloudWatch(client).GetMetricData(queries, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.Contains("at most 500 queries; 501 were given", error.Message, StringComparison.Ordinal);
    }
}
