using Pipeline.Images;

namespace Pipeline.Delivery.Chart;

/// <summary>A value of a series at a time: seconds since the deploy started.</summary>
public readonly record struct ChartPoint(double AtSeconds, double Value);

/// <summary>A moment marked on the time axis: a traffic step began, or the shift was aborted.</summary>
public sealed record ChartMark(double AtSeconds, string Label);

/// <summary>
/// What the picture of one deploy shows, read from its record: the new color's share of production traffic over time
/// (it changes when the router confirms a weight and holds until the next), the new color's 5xx rate and mean response
/// time at each measurement, the steps and the abort. <see cref="MermaidDeployChart"/> and <see cref="SvgDeployChart"/> draw it.
/// </summary>
public sealed record DeploymentChart
{
    public required string Title { get; init; }

    /// <summary>The color traffic moved to ("green"), or "the new color" when the record names none.</summary>
    public required string NewColor { get; init; }

    /// <summary>How long the deploy took: the time axis runs from 0 to here.</summary>
    public required double EndSeconds { get; init; }

    /// <summary>The new color's share in percent: 0 from the start, then each confirmed weight from its time on.</summary>
    public required IReadOnlyList<ChartPoint> Weight { get; init; }

    public required IReadOnlyList<ChartPoint> ErrorPercent { get; init; }
    public required IReadOnlyList<ChartPoint> ResponseMs { get; init; }
    public required IReadOnlyList<ChartMark> Steps { get; init; }
    public ChartMark? Abort { get; init; }

    /// <summary>Whether any production traffic reached the new color (a deploy that failed before the shift has none).</summary>
    public bool HadTraffic => Weight.Any(p => p.Value > 0);

    public static DeploymentChart Of(DeploymentRecord record)
    {
        var measured = record.Steps.SelectMany(s => s.Analysis).Where(m => m.Result != MeasurementResult.Error).ToList();
        var weight = new List<ChartPoint> { new(0, 0) };
        weight.AddRange(record.WeightChanges.Select(w => new ChartPoint(w.AtSeconds, w.Percent)));
        var times = weight.Select(p => p.AtSeconds).Concat(measured.Select(m => m.AtSeconds)).Append(record.Abort?.AtSeconds ?? 0);
        return new DeploymentChart
        {
            Title = $"{record.Environment}: {DeployRequest.Describe(record.Version, ImageDigest.Parse(record.Image))} to {record.ToColor?.Name() ?? "?"}, {Outcome(record.Outcome)}",
            NewColor = record.ToColor?.Name() ?? "the new color",
            EndSeconds = Math.Max(record.Seconds, times.Max()),
            Weight = weight,
            ErrorPercent = measured.Where(m => m.Requests > 0).Select(m => new ChartPoint(m.AtSeconds, 100.0 * m.ServerErrors / m.Requests)).ToList(),
            ResponseMs = measured.Where(m => m.AverageResponseMs is not null).Select(m => new ChartPoint(m.AtSeconds, m.AverageResponseMs!.Value)).ToList(),
            Steps = record.Steps.Select(s => new ChartMark(s.AtSeconds, $"{s.Percent}%")).ToList(),
            Abort = record.Abort is { } abort ? new ChartMark(abort.AtSeconds, FirstLine(abort.Reason)) : null,
        };
    }

    /// <summary>The new color's share at a time: the last weight confirmed at or before it.</summary>
    public double WeightAt(double seconds) => Weight.LastOrDefault(p => p.AtSeconds <= seconds).Value;

    private static string Outcome(DeploymentOutcome outcome) => outcome switch
    {
        DeploymentOutcome.AlreadyLive => "already live",
        DeploymentOutcome.Failed => "failed before any traffic",
        DeploymentOutcome.RolledBack => "rolled back",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
