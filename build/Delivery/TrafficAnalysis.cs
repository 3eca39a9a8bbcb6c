using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery;

/// <summary>
/// The bake-time analysis of the new color, in Argo Rollouts' terms: each measurement is the traffic between two
/// samples, judged against the thresholds; the run aborts once failures exceed the failure limit, inconclusive
/// measurements the inconclusive limit, or measurement errors in a row the consecutive-error limit. Each measurement
/// carries when it was taken (<paramref name="elapsed"/>: the time since the deploy started).
/// </summary>
public sealed class TrafficAnalysis(AnalysisSettings settings, Func<TimeSpan> elapsed)
{
    private readonly List<Measurement> measurements = [];
    private int failures;
    private int inconclusive;
    private int consecutiveErrors;

    public IReadOnlyList<Measurement> Measurements => measurements;

    /// <summary>Judges the traffic between two samples; returns the reason to abort, or null to go on.</summary>
    public string? Judge(TrafficSample before, TrafficSample after)
    {
        var requests = after.Requests - before.Requests;
        var errors = after.ServerErrors - before.ServerErrors;
        var rate = requests > 0 ? (double)errors / requests : 0;
        var latency = after.AverageResponseMs;
        var at = Now();
        consecutiveErrors = 0;
        Measurement measurement;
        if (requests < settings.MinRequests)
        {
            inconclusive++;
            measurement = new Measurement(MeasurementResult.Inconclusive, requests, errors, latency, $"{requests} requests, fewer than {settings.MinRequests}", at);
        }
        else if (rate > settings.MaxErrorRate)
        {
            failures++;
            measurement = new Measurement(MeasurementResult.Failed, requests, errors, latency, $"5xx {Percent(rate)} > {Percent(settings.MaxErrorRate)}", at);
        }
        else if (latency > settings.MaxResponseTime.TotalMilliseconds)
        {
            failures++;
            measurement = new Measurement(MeasurementResult.Failed, requests, errors, latency, $"response time {latency:0} ms > {settings.MaxResponseTime.TotalMilliseconds:0} ms", at);
        }
        else
        {
            measurement = new Measurement(MeasurementResult.Passed, requests, errors, latency, $"5xx {Percent(rate)}, {requests} requests" + (latency is { } ms ? $", {ms:0} ms" : ""), at);
        }

        measurements.Add(measurement);
        if (failures > settings.FailureLimit)
            return measurement.Text;
        if (inconclusive > settings.InconclusiveLimit) // no limit (null) is never exceeded
            return $"{inconclusive} inconclusive measurements > {settings.InconclusiveLimit} ({measurement.Text})";
        return null;
    }

    /// <summary>A sample that could not be read; returns the reason to abort once too many came in a row.</summary>
    public string? MeasurementError(string error)
    {
        consecutiveErrors++;
        measurements.Add(new Measurement(MeasurementResult.Error, 0, 0, null, error, Now()));
        return consecutiveErrors > settings.ConsecutiveErrorLimit
            ? $"{consecutiveErrors} measurements in a row could not be taken: {error}"
            : null;
    }

    public static string Percent(double fraction) => $"{fraction * 100:0.##}%";

    private double Now() => Math.Round(elapsed().TotalSeconds, 2);
}

public enum MeasurementResult
{
    Passed,
    Failed,
    Inconclusive,
    Error,
}

/// <param name="AtSeconds">When it was taken, in seconds since the deploy started (the end of the traffic it judges).</param>
public sealed record Measurement(MeasurementResult Result, long Requests, long ServerErrors, double? AverageResponseMs, string Text, double AtSeconds);
