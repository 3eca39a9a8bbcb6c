using System.Globalization;
using System.Text;

namespace Pipeline.Delivery.Chart;

/// <summary>
/// The deploy as a Markdown section, for artifacts/deployment.md and the run's step summary: the outcome in one line,
/// the Mermaid charts (GitHub draws them), and a table of the steps and the abort with the worst of their measurements.
/// </summary>
public static class DeploymentMarkdown
{
    public static string Of(DeploymentRecord record, DeploymentChart chart, string pictureName)
    {
        var text = new StringBuilder()
            .Append($"## Deploy {chart.Title}\n\n")
            .Append($"{DeploymentSummary.Of(record)}\n\n");
        if (chart.HadTraffic)
        {
            foreach (var diagram in MermaidDeployChart.Diagrams(chart))
                text.Append($"```mermaid\n{diagram}```\n\n");
        }
        else
        {
            text.Append($"No production traffic reached {chart.NewColor}: nothing to chart.\n\n");
        }

        if (record.Steps.Count > 0 || record.Abort is not null)
        {
            text.Append("| Step | Began | Lasted | Measurements | Worst 5xx | Worst mean response |\n|---|---|---|---|---|---|\n");
            foreach (var step in record.Steps)
                text.Append($"| {step.Percent}% | {Seconds(step.AtSeconds)} | {Seconds(step.Seconds)} | {Measurements(step.Analysis)} | {Worst5xx(step.Analysis)} | {WorstResponse(step.Analysis)} |\n");
            if (record.Abort is { } abort)
                text.Append($"| **aborted** | {Seconds(abort.AtSeconds)} | | {Cell(abort.Reason)} | | |\n");
            text.Append('\n');
        }

        return text.Append($"The same chart as a picture: `{pictureName}` (times in seconds since the deploy started).\n").ToString();
    }

    private static string Measurements(IReadOnlyList<Measurement> analysis)
    {
        var unpassed = analysis.Where(m => m.Result != MeasurementResult.Passed).GroupBy(m => m.Result.ToString().ToLowerInvariant());
        var detail = string.Join(", ", unpassed.Select(g => $"{g.Count()} {g.Key}"));
        return analysis.Count + (detail.Length > 0 ? $" ({detail})" : "");
    }

    private static string Worst5xx(IReadOnlyList<Measurement> analysis) =>
        analysis.Where(m => m.Requests > 0).Select(m => (double)m.ServerErrors / m.Requests).DefaultIfEmpty(-1).Max() is var rate and >= 0
            ? TrafficAnalysis.Percent(rate)
            : "–";

    private static string WorstResponse(IReadOnlyList<Measurement> analysis) =>
        analysis.Max(m => m.AverageResponseMs) is { } ms ? $"{ms.ToString("0", CultureInfo.InvariantCulture)} ms" : "–";

    private static string Seconds(double seconds) => $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
