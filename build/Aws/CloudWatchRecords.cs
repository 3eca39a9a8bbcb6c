using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>One statistic (Sum, Average, Maximum …) of one metric over periods of <see cref="PeriodSeconds"/>.</summary>
public sealed record MetricQuery(string Id, string Namespace, string MetricName, IReadOnlyDictionary<string, string> Dimensions, string Stat, int PeriodSeconds)
{
    internal JsonObject ToJson() => new()
    {
        ["Id"] = Id,
        ["MetricStat"] = new JsonObject
        {
            ["Metric"] = new JsonObject { ["Namespace"] = Namespace, ["MetricName"] = MetricName, ["Dimensions"] = CloudWatchDimensions.ToJson(Dimensions) },
            ["Period"] = PeriodSeconds,
            ["Stat"] = Stat,
        },
        ["ReturnData"] = true,
    };
}

/// <summary>A query's values, one per period that had data, oldest first.</summary>
public sealed record MetricSeries(string Id, IReadOnlyList<DateTimeOffset> Timestamps, IReadOnlyList<double> Values)
{
    internal static MetricSeries Of(string id, List<(DateTimeOffset At, double Value)> points)
    {
        var ordered = points.OrderBy(p => p.At).ToList();
        return new MetricSeries(id, [.. ordered.Select(p => p.At)], [.. ordered.Select(p => p.Value)]);
    }

    internal static IEnumerable<(DateTimeOffset, double)> Points(JsonElement result) =>
        result.GetProperty("Timestamps").EnumerateArray().Select(Timestamp).Zip(result.GetProperty("Values").EnumerateArray().Select(v => v.GetDouble()));

    // The JSON protocols send timestamps as epoch seconds; ISO 8601 text is read too, as some stand-ins answer with it.
    private static DateTimeOffset Timestamp(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetDouble() * 1000))
        : DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

/// <summary>One data point to put: ALB metrics (namespace AWS/ApplicationELB) have the LoadBalancer and TargetGroup dimensions.</summary>
public sealed record MetricDatum(string MetricName, IReadOnlyDictionary<string, string> Dimensions, double Value, string Unit, DateTimeOffset Timestamp)
{
    internal JsonObject ToJson() => new()
    {
        ["MetricName"] = MetricName,
        ["Dimensions"] = CloudWatchDimensions.ToJson(Dimensions),
        ["Value"] = Value,
        ["Unit"] = Unit,
        ["Timestamp"] = Timestamp.ToUnixTimeMilliseconds() / 1000.0,
    };
}

internal static class CloudWatchDimensions
{
    public static JsonArray ToJson(IReadOnlyDictionary<string, string> dimensions) =>
        [.. dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (JsonNode)new JsonObject { ["Name"] = d.Key, ["Value"] = d.Value })];
}
