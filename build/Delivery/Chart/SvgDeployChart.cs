using System.Xml.Linq;
using static Pipeline.Delivery.Chart.SvgMarkup;

namespace Pipeline.Delivery.Chart;

/// <summary>
/// The chart as a standalone SVG, for reading the deploy outside GitHub: three panels stacked on one time axis (the new
/// color's share of traffic, its 5xx rate, its mean response time), a dashed line where each step began, a red line
/// where the shift was aborted (and why, under the title), round ticks on every axis.
/// </summary>
public static class SvgDeployChart
{
    private const double Width = 760, Left = 70, Right = 24, Top = 74, PanelHeight = 110, PanelGap = 44, PlotWidth = Width - Left - Right;
    private const string Ink = "#111827", Blue = "#2563eb", Red = "#dc2626", Amber = "#d97706", Violet = "#7c3aed", Grey = "#6b7280", Grid = "#e5e7eb";

    public static string Render(DeploymentChart chart)
    {
        var time = ChartScale.For(chart.EndSeconds, 6);
        double X(double seconds) => Left + (PlotWidth * time.Fraction(seconds));
        double PanelTop(int index) => Top + (index * (PanelHeight + PanelGap));
        var panels = new (string Title, string Color, IReadOnlyList<ChartPoint> Points, bool IsWeight)[]
        {
            ($"Traffic on {chart.NewColor} (%)", Blue, StepLine(chart), true),
            ("5xx rate (%)", Amber, chart.ErrorPercent, false),
            ("Mean response time (ms)", Violet, chart.ResponseMs, false),
        };
        var (first, last) = (PanelTop(0), PanelTop(panels.Length - 1) + PanelHeight);
        var root = Element("svg", new XAttribute("width", Width), new XAttribute("height", last + 50), new XAttribute("viewBox", $"0 0 {Width} {N(last + 50)}"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", 11),
            Element("rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(Left, 24, chart.Title, Ink, size: 15, weight: "bold"),
            chart.Abort is { } abort ? Text(Left, 44, $"aborted at {N(abort.AtSeconds)} s: {abort.Label}", Red, size: 12) : null,
            // The marks first, so the measurements stay visible on top of them.
            chart.Steps.Select(step => Mark("step", X(step.AtSeconds), first, last, Grey, step.Label, dashed: true)),
            chart.Abort is { } aborted ? Mark("abort", X(aborted.AtSeconds), first, last, Red, "abort", dashed: false) : null);

        for (var i = 0; i < panels.Length; i++)
        {
            var (title, color, points, isWeight) = panels[i];
            var top = PanelTop(i);
            var values = isWeight ? new ChartScale(100, 25) : ChartScale.For(Math.Max(points.Select(p => p.Value).DefaultIfEmpty(0).Max(), 1));
            double Y(double value) => top + (PanelHeight * (1 - values.Fraction(value)));
            root.Add(Text(Left, top - 8, title, Ink, size: 12, weight: "bold"),
                values.Ticks.Select(tick => new[] { Line(Left, Y(tick), Width - Right, Y(tick), Grid), Text(Left - 6, Y(tick) + 4, ChartScale.Label(tick), Grey, anchor: "end") }),
                time.Ticks.Select(tick => Line(X(tick), top, X(tick), top + PanelHeight, Grid)),
                Element("rect", new XAttribute("class", "panel"), new XAttribute("x", Left), new XAttribute("y", top), new XAttribute("width", PlotWidth),
                    new XAttribute("height", PanelHeight), new XAttribute("fill", "none"), new XAttribute("stroke", Grey)),
                Polyline("series", points.Select(p => (X(p.AtSeconds), Y(p.Value))), color),
                isWeight ? null : points.Select(p => Dot(X(p.AtSeconds), Y(p.Value), color)));
            if (points.Count == 0 || (isWeight && !chart.HadTraffic))
                root.Add(Text(Left + (PlotWidth / 2), top + (PanelHeight / 2), isWeight ? $"no production traffic reached {chart.NewColor}" : "no measurements", Grey, anchor: "middle"));
        }

        root.Add(time.Ticks.Select(tick => Text(X(tick), last + 16, ChartScale.Label(tick), Grey, anchor: "middle")),
            Text(Left + (PlotWidth / 2), last + 36, "seconds since the deploy started", Ink, anchor: "middle"));
        return new XDocument(root).ToString() + "\n";
    }

    /// <summary>The share of traffic as it was: flat until the router confirmed the next weight, then straight up or down to it.</summary>
    private static List<ChartPoint> StepLine(DeploymentChart chart)
    {
        var points = new List<ChartPoint>();
        foreach (var point in chart.Weight)
        {
            if (points.Count > 0)
                points.Add(point with { Value = points[^1].Value });
            points.Add(point);
        }

        points.Add(new ChartPoint(chart.EndSeconds, points[^1].Value));
        return points;
    }

    private static XElement Mark(string kind, double x, double top, double bottom, string color, string label, bool dashed) =>
        Element("g", new XAttribute("class", kind),
            Line(x, top, x, bottom, color, new XAttribute("stroke-width", dashed ? 1 : 2), dashed ? new XAttribute("stroke-dasharray", "4 3") : null),
            Text(x + 3, top + 12, label, color));
}
