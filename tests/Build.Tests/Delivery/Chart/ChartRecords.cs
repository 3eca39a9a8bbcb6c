namespace BuildTests.Delivery.Chart;

/// <summary>Deployment records as a deploy writes them, with round times: one aborted at 10%, one that went through, one that failed before traffic.</summary>
internal static class ChartRecords
{
    public const string Image = "localhost:5000/app@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    /// <summary>10% from 20 s; a good measurement at 25 s, then 40% 5xx at 30 s: aborted at 30.5 s, all traffic back on blue.</summary>
    public static DeploymentRecord Aborted(string reason = "5xx 40% > 1%") => Record(DeploymentOutcome.Aborted, 34) with
    {
        Reason = $"aborted at 10%: {reason}, traffic back on blue",
        Steps = [new StepRecord(10, 10.5, [Passed(25, 0, 6), Failed(30, 40, 18)], 20)],
        WeightChanges = [new WeightChange(20, 10), new WeightChange(30.5, 0)],
        Abort = new DeployAbort(30.5, reason),
    };

    /// <summary>10%, 50%, 100% from 12 s, 42 s and 72 s, 30 s each, a passed measurement every 10 s; done at 104 s.</summary>
    public static DeploymentRecord Deployed() => Record(DeploymentOutcome.Deployed, 104) with
    {
        TrafficPercent = 100,
        Steps = new[] { 10, 50, 100 }.Select((percent, i) => new StepRecord(percent, 30, [.. new[] { 10, 20, 30 }.Select(s => Passed(12 + (30 * i) + s, 0, 5 + i))], 12 + (30 * i))).ToList(),
        WeightChanges = [new WeightChange(12, 10), new WeightChange(42, 50), new WeightChange(72, 100)],
    };

    public static DeploymentRecord Failed() => Record(DeploymentOutcome.Failed, 20) with { Reason = "smoke test failed on green: version: 500" };

    public static Measurement Passed(double at, long errors, double ms) =>
        new(MeasurementResult.Passed, 100, errors, ms, $"5xx {errors}%, 100 requests, {ms} ms", at);

    public static Measurement Failed(double at, long errors, double ms) =>
        new(MeasurementResult.Failed, 100, errors, ms, $"5xx {errors}% > 1%", at);

    private static DeploymentRecord Record(DeploymentOutcome outcome, double seconds) => new()
    {
        Environment = "local",
        Platform = "docker + haproxy",
        Action = "deploy",
        RunId = "run-1",
        Image = Image,
        Version = "1.1.0",
        FromColor = Color.Blue,
        ToColor = Color.Green,
        Outcome = outcome,
        Seconds = seconds,
    };
}
