using System.Text;

namespace Pipeline.Delivery.Chart;

/// <summary>
/// The chart as Mermaid <c>xychart-beta</c> diagrams, which GitHub draws in Markdown: the new color's share of traffic
/// (a line, the abort as a red bar), its 5xx rate and its mean response time (a bar per time slot, the worst measurement
/// in it). xychart has one y-axis and no vertical marks, so rates and times get a chart each, and the titles say when
/// each step began and when the shift was aborted. The time axis is cut into at most 20 round slots.
/// </summary>
public static class MermaidDeployChart
{
    private const string Blue = "#2563eb", Red = "#dc2626", Amber = "#d97706", Violet = "#7c3aed";

    /// <summary>The diagrams' texts, each without its Markdown fence.</summary>
    public static IReadOnlyList<string> Diagrams(DeploymentChart chart)
    {
        var width = ChartScale.For(chart.EndSeconds, 20).Step;
        var slots = Enumerable.Range(0, (int)Math.Ceiling((chart.EndSeconds / width) - 1e-9) + 1).Select(i => i * width).ToList();
        var steps = string.Join(", ", chart.Steps.Select(s => $"{s.Label} at {Seconds(s.AtSeconds)}"));
        var aborted = chart.Abort is { } abort ? $", aborted at {Seconds(abort.AtSeconds)}" : "";
        var weight = Diagram($"Traffic on {chart.NewColor} (%): {(steps.Length > 0 ? "steps " + steps : "no steps")}{aborted}",
            slots, "% of production traffic", new ChartScale(100, 25), chart.Abort is null ? [Blue] : [Blue, Red],
            ("line", slots.Select(chart.WeightAt)),
            ("bar", chart.Abort is { } mark ? slots.Select(t => InSlot(mark.AtSeconds, t, width) ? 100.0 : 0) : []));
        var errors = chart.ErrorPercent.Select(p => p.Value).DefaultIfEmpty(0).Max();
        var latency = chart.ResponseMs.Select(p => p.Value).DefaultIfEmpty(0).Max();
        return
        [
            weight,
            Diagram($"{chart.NewColor}: 5xx rate (%), the worst measurement per slot{aborted}", slots, "5xx %",
                ChartScale.For(Math.Max(errors, 1)), [Amber], ("bar", Worst(chart.ErrorPercent, slots, width))),
            Diagram($"{chart.NewColor}: mean response time (ms), the worst measurement per slot{aborted}", slots, "ms",
                ChartScale.For(Math.Max(latency, 1)), [Violet], ("bar", Worst(chart.ResponseMs, slots, width))),
        ];
    }

    private static string Diagram(string title, IReadOnlyList<double> slots, string unit, ChartScale scale, string[] colors, params (string Kind, IEnumerable<double> Values)[] series)
    {
        var text = new StringBuilder();
        text.Append("---\nconfig:\n  themeVariables:\n    xyChart:\n")
            .Append($"      plotColorPalette: \"{string.Join(", ", colors)}\"\n---\n")
            .Append("xychart-beta\n")
            .Append($"    title {Quoted(title)}\n")
            .Append($"    x-axis \"seconds since the deploy started\" [{string.Join(", ", slots.Select(t => Quoted(ChartScale.Label(t))))}]\n")
            .Append($"    y-axis {Quoted(unit)} 0 --> {ChartScale.Label(scale.Max)}\n");
        foreach (var (kind, values) in series.Where(s => s.Values.Any()))
            text.Append($"    {kind} [{string.Join(", ", values.Select(v => ChartScale.Label(Math.Round(v, 2))))}]\n");
        return text.ToString();
    }

    /// <summary>Per slot, the largest value measured in it (after the slot before, up to its own time); 0 where none was.</summary>
    private static IEnumerable<double> Worst(IReadOnlyList<ChartPoint> series, IReadOnlyList<double> slots, double width) =>
        slots.Select(t => series.Where(p => InSlot(p.AtSeconds, t, width)).Select(p => p.Value).DefaultIfEmpty(0).Max());

    private static bool InSlot(double seconds, double slot, double width) => slot == 0 ? seconds <= 0 : seconds > slot - width && seconds <= slot;

    private static string Seconds(double seconds) => $"{ChartScale.Label(Math.Round(seconds, 1))} s";

    // A title is one quoted string: no double quote may end it early, no line break may split it.
    private static string Quoted(string text) => $"\"{text.Replace('"', '\'').ReplaceLineEndings(" ")}\"";
}
