using System.Globalization;
using System.Xml.Linq;

namespace Pipeline.Delivery.Chart;

/// <summary>
/// The chart as a standalone SVG, for reading the deploy outside GitHub: three panels stacked on one time axis (the new
/// color's share of traffic, its 5xx rate, its mean response time), a dashed line where each step began, a red line
/// where the shift was aborted (and why, under the title), round ticks on every axis.
/// </summary>
public static class SvgDeployChart
{
    private const double Width = 760, Left = 70, Right = 24, Top = 74, PanelHeight = 110, PanelGap = 44;
    private const string Blue = "#2563eb", Red = "#dc2626", Amber = "#d97706", Violet = "#7c3aed", Grey = "#6b7280", Grid = "#e5e7eb";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(DeploymentChart chart)
    {
        var time = ChartScale.For(chart.EndSeconds, 6);
        var plot = new Plot(time, PanelCount: 3);
        var root = new XElement(Svg + "svg", new XAttribute("width", Width), new XAttribute("height", plot.Height), new XAttribute("viewBox", $"0 0 {Width} {N(plot.Height)}"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", 11),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(Left, 24, chart.Title, "#111827", size: 15, weight: "bold"));
        if (chart.Abort is { } abort)
            root.Add(Text(Left, 44, $"aborted at {abort.AtSeconds:0.#} s: {abort.Label}", Red, size: 12));

        var panels = new (string Title, string Color, IReadOnlyList<ChartPoint> Points, bool Steps)[]
        {
            ($"Traffic on {chart.NewColor} (%)", Blue, StepLine(chart), true),
            ("5xx rate (%)", Amber, chart.ErrorPercent, false),
            ("Mean response time (ms)", Violet, chart.ResponseMs, false),
        };
        for (var i = 0; i < panels.Length; i++)
        {
            var (title, color, points, steps) = panels[i];
            var top = plot.PanelTop(i);
            var values = i == 0 ? new ChartScale(100, 25) : ChartScale.For(Math.Max(points.Select(p => p.Value).DefaultIfEmpty(0).Max(), 1));
            root.Add(Text(Left, top - 8, title, "#111827", size: 12, weight: "bold"));
            foreach (var tick in values.Ticks)
            {
                var y = top + PanelHeight * (1 - values.Fraction(tick));
                root.Add(Line(Left, y, Width - Right, y, Grid), Text(Left - 6, y + 4, ChartScale.Label(tick), Grey, anchor: "end"));
            }

            foreach (var tick in time.Ticks)
                root.Add(Line(plot.X(tick), top, plot.X(tick), top + PanelHeight, Grid));
            root.Add(new XElement(Svg + "rect", new XAttribute("class", "panel"), new XAttribute("x", Left), new XAttribute("y", top), new XAttribute("width", Width - Left - Right),
                new XAttribute("height", PanelHeight), new XAttribute("fill", "none"), new XAttribute("stroke", Grey)));
            if (points.Count == 0 || (i == 0 && !chart.HadTraffic))
                root.Add(Text(Left + ((Width - Left - Right) / 2), top + (PanelHeight / 2), i == 0 ? $"no production traffic reached {chart.NewColor}" : "no measurements", Grey, anchor: "middle"));
            var xy = points.Select(p => $"{N(plot.X(p.AtSeconds))},{N(top + (PanelHeight * (1 - values.Fraction(p.Value))))}");
            root.Add(new XElement(Svg + "polyline", new XAttribute("class", "series"), new XAttribute("points", string.Join(" ", xy)),
                new XAttribute("fill", "none"), new XAttribute("stroke", color), new XAttribute("stroke-width", 2)));
            if (!steps)
                root.Add(points.Select(p => new XElement(Svg + "circle", new XAttribute("cx", N(plot.X(p.AtSeconds))), new XAttribute("cy", N(top + (PanelHeight * (1 - values.Fraction(p.Value))))), new XAttribute("r", 2.5), new XAttribute("fill", color))));
        }

        var (first, last) = (plot.PanelTop(0), plot.PanelTop(panels.Length - 1) + PanelHeight);
        foreach (var step in chart.Steps)
            root.Add(Mark("step", plot.X(step.AtSeconds), first, last, Grey, step.Label, dashed: true));
        if (chart.Abort is { } aborted)
            root.Add(Mark("abort", plot.X(aborted.AtSeconds), first, last, Red, "abort", dashed: false));
        foreach (var tick in time.Ticks)
            root.Add(Text(plot.X(tick), last + 16, ChartScale.Label(tick), Grey, anchor: "middle"));
        root.Add(Text(Left + ((Width - Left - Right) / 2), last + 36, "seconds since the deploy started", "#111827", anchor: "middle"));
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
        new(Svg + "g", new XAttribute("class", kind),
            new XElement(Svg + "line", Coordinates(x, top, x, bottom), new XAttribute("stroke", color), new XAttribute("stroke-width", dashed ? 1 : 2),
                dashed ? new XAttribute("stroke-dasharray", "4 3") : null),
            Text(x + 3, top + 12, label, color));

    private static XElement Line(double x1, double y1, double x2, double y2, string color) =>
        new(Svg + "line", Coordinates(x1, y1, x2, y2), new XAttribute("stroke", color));

    private static XAttribute[] Coordinates(double x1, double y1, double x2, double y2) =>
        [new("x1", N(x1)), new("y1", N(y1)), new("x2", N(x2)), new("y2", N(y2))];

    private static XElement Text(double x, double y, string text, string color, double size = 11, string? weight = null, string anchor = "start") =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("fill", color), new XAttribute("font-size", size),
            new XAttribute("text-anchor", anchor), weight is null ? null : new XAttribute("font-weight", weight), text);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private sealed record Plot(ChartScale Time, int PanelCount)
    {
        public double Height => PanelTop(PanelCount - 1) + PanelHeight + 50;

        public double PanelTop(int index) => Top + (index * (PanelHeight + PanelGap));

        public double X(double seconds) => Left + ((Width - Left - Right) * Time.Fraction(seconds));
    }
}
