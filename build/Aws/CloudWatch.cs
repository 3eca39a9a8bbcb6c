using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>
/// Amazon CloudWatch's metrics API (awsJson1_0), what a canary's analysis reads (the load balancer's 5XX count, request
/// count, response time per target group) and what tests and rehearsals put in its place.
/// </summary>
public sealed class CloudWatch(AwsJsonClient client)
{
    public static readonly AwsService Service = new("CloudWatch", "CloudWatch", "monitoring", "monitoring", "GraniteServiceVersion20100801", "application/x-amz-json-1.0");

    // The API's limits per request: queries in one GetMetricData, data points in one PutMetricData.
    private const int MaxQueries = 500;
    private const int MaxDataPerPut = 1000;

    public CloudWatch(AwsConnection connection)
        : this(new AwsJsonClient(connection, Service))
    {
    }

    /// <summary>Each query's series between <paramref name="start"/> and <paramref name="end"/>, oldest first, over every page.</summary>
    public async Task<IReadOnlyDictionary<string, MetricSeries>> GetMetricData(
        IReadOnlyList<MetricQuery> queries, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellation)
    {
        if (queries.Count > MaxQueries)
            throw new ArgumentException($"GetMetricData takes at most {MaxQueries} queries; {queries.Count} were given.", nameof(queries));
        var points = queries.ToDictionary(q => q.Id, _ => new List<(DateTimeOffset, double)>(), StringComparer.Ordinal);
        for (string? token = null; ;)
        {
            var request = new JsonObject
            {
                ["MetricDataQueries"] = new JsonArray([.. queries.Select(q => (JsonNode)q.ToJson())]),
                ["StartTime"] = start.ToUnixTimeSeconds(),
                ["EndTime"] = end.ToUnixTimeSeconds(),
                ["ScanBy"] = "TimestampAscending",
            };
            if (token is not null)
                request["NextToken"] = token;
            var answer = await client.CallAsync("GetMetricData", request, cancellation);
            foreach (var result in answer.GetProperty("MetricDataResults").EnumerateArray())
                points[result.GetProperty("Id").GetString()!].AddRange(MetricSeries.Points(result));
            token = answer.TryGetProperty("NextToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (string.IsNullOrEmpty(token))
                break;
        }

        return points.ToDictionary(p => p.Key, p => MetricSeries.Of(p.Key, p.Value), StringComparer.Ordinal);
    }

    public async Task PutMetricData(string metricNamespace, IReadOnlyList<MetricDatum> data, CancellationToken cancellation)
    {
        foreach (var chunk in data.Chunk(MaxDataPerPut))
        {
            var request = new JsonObject { ["Namespace"] = metricNamespace, ["MetricData"] = new JsonArray([.. chunk.Select(d => (JsonNode)d.ToJson())]) };
            await client.CallAsync("PutMetricData", request, cancellation);
        }
    }
}
