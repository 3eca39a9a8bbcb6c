using System.Globalization;
using System.Xml.Linq;

namespace Pipeline.Delivery.Chart;

/// <summary>The few SVG elements the deploy chart is drawn with, written as XML (so any text in them is escaped), coordinates to a tenth of a pixel.</summary>
public static class SvgMarkup
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XElement Element(string name, params object?[] content) => new(Svg + name, content);

    public static XElement Line(double x1, double y1, double x2, double y2, string color, params object?[] attributes) =>
        Element("line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)), new XAttribute("stroke", color), attributes);

    public static XElement Text(double x, double y, string text, string color, double size = 11, string? weight = null, string anchor = "start") =>
        Element("text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("fill", color), new XAttribute("font-size", size),
            new XAttribute("text-anchor", anchor), weight is null ? null : new XAttribute("font-weight", weight), text);

    public static XElement Polyline(string kind, IEnumerable<(double X, double Y)> points, string color) =>
        Element("polyline", new XAttribute("class", kind), new XAttribute("points", string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))),
            new XAttribute("fill", "none"), new XAttribute("stroke", color), new XAttribute("stroke-width", 2));

    public static XElement Dot(double x, double y, string color) =>
        Element("circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", 2.5), new XAttribute("fill", color));

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
