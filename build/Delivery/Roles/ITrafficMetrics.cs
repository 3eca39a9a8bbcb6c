namespace Pipeline.Delivery.Roles;

/// <summary>
/// The metrics role: what the analysis measures during a bake, per color (ECS: CloudWatch's target group metrics;
/// local: HAProxy's counters).
/// </summary>
public interface ITrafficMetrics
{
    /// <summary>The color's production traffic so far: cumulative counters, so the analysis takes differences.</summary>
    Task<TrafficSample> SampleAsync(Color color, CancellationToken cancellation);
}

/// <summary>Cumulative production traffic a color has served: requests, 5xx answers, and the mean response time.</summary>
public sealed record TrafficSample(long Requests, long ServerErrors, double? AverageResponseMs);
