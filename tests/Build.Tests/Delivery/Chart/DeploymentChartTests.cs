namespace BuildTests.Delivery.Chart;

/// <summary>What the chart of a deploy shows, read from its record: the weight over time, the measurements, the steps and the abort.</summary>
public sealed class DeploymentChartTests
{
    [Fact]
    public void An_aborted_deploy_charts_its_weights_measurements_step_and_abort_in_seconds_since_it_started()
    {
        var chart = DeploymentChart.Of(ChartRecords.Aborted());

        Assert.Equal("local: 1.1.0 (sha256:bbbbbbbbbbbb…) to green, aborted", chart.Title);
        Assert.Equal("green", chart.NewColor);
        Assert.Equal(34, chart.EndSeconds);
        Assert.Equal([new(0, 0), new(20, 10), new(30.5, 0)], chart.Weight);
        Assert.Equal([new(25, 0), new(30, 40)], chart.ErrorPercent);
        Assert.Equal([new(25, 6), new(30, 18)], chart.ResponseMs);
        Assert.Equal([new ChartMark(20, "10%")], chart.Steps);
        Assert.Equal(new ChartMark(30.5, "5xx 40% > 1%"), chart.Abort);
        Assert.True(chart.HadTraffic);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(19.99, 0)]
    [InlineData(20, 10)]
    [InlineData(30.49, 10)]
    [InlineData(30.5, 0)]
    [InlineData(34, 0)]
    public void The_weight_at_a_time_is_the_last_one_the_router_confirmed(double seconds, double percent) =>
        Assert.Equal(percent, DeploymentChart.Of(ChartRecords.Aborted()).WeightAt(seconds));

    [Fact]
    public void A_deploy_that_went_through_has_every_step_and_no_abort()
    {
        var chart = DeploymentChart.Of(ChartRecords.Deployed());

        Assert.Equal(["10%", "50%", "100%"], chart.Steps.Select(s => s.Label));
        Assert.Equal([12, 42, 72], chart.Steps.Select(s => s.AtSeconds));
        Assert.Equal(100, chart.WeightAt(104));
        Assert.Equal(9, chart.ResponseMs.Count);
        Assert.Null(chart.Abort);
        Assert.EndsWith(", deployed", chart.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deploy_that_failed_before_traffic_has_nothing_to_chart_but_its_time()
    {
        var chart = DeploymentChart.Of(ChartRecords.Failed());

        Assert.False(chart.HadTraffic);
        Assert.Equal([new(0, 0)], chart.Weight);
        Assert.Empty(chart.ErrorPercent);
        Assert.Empty(chart.Steps);
        Assert.Equal(20, chart.EndSeconds);
        Assert.EndsWith(", failed before any traffic", chart.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measurement_that_could_not_be_taken_is_no_point_and_one_without_requests_has_no_error_rate()
    {
        var record = ChartRecords.Aborted() with
        {
            Steps = [new StepRecord(10, 10, [new(MeasurementResult.Error, 0, 0, null, "HAProxy did not answer", 25), new(MeasurementResult.Inconclusive, 0, 0, 7, "0 requests, fewer than 1", 28)], 20)],
        };

        var chart = DeploymentChart.Of(record);

        Assert.Empty(chart.ErrorPercent);
        Assert.Equal([new(28, 7)], chart.ResponseMs);
    }

    [Fact]
    public void The_abort_mark_is_the_first_line_of_its_reason_and_the_time_axis_holds_it()
    {
        var record = ChartRecords.Aborted() with { Seconds = 0, Abort = new DeployAbort(40, "green stopped running: exited\n  last log line") };

        var chart = DeploymentChart.Of(record);

        Assert.Equal(new ChartMark(40, "green stopped running: exited"), chart.Abort);
        Assert.Equal(40, chart.EndSeconds);
    }
}
