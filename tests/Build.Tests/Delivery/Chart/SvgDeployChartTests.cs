using System.Xml.Linq;

namespace BuildTests.Delivery.Chart;

/// <summary>The SVG picture: well-formed, three panels on one time axis, a line per step, the abort in red.</summary>
public sealed class SvgDeployChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void An_aborted_deploy_has_three_panels_a_dashed_line_for_its_step_and_a_red_abort_with_its_reason()
    {
        var svg = Render(ChartRecords.Aborted());

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal(3, Elements(svg, "rect", "panel").Count);
        Assert.Equal(["Traffic on green (%)", "5xx rate (%)", "Mean response time (ms)"], Texts(svg).Where(t => t.EndsWith("%)", StringComparison.Ordinal) || t.EndsWith("(ms)", StringComparison.Ordinal)));
        Assert.Equal(3, Elements(svg, "polyline", "series").Count);
        var step = Assert.Single(Elements(svg, "g", "step"));
        Assert.Equal("4 3", step.Element(Svg + "line")!.Attribute("stroke-dasharray")?.Value);
        Assert.Equal("10%", step.Element(Svg + "text")!.Value);
        var abort = Assert.Single(Elements(svg, "g", "abort"));
        Assert.Equal("#dc2626", abort.Element(Svg + "line")!.Attribute("stroke")?.Value);
        Assert.Contains("aborted at 30.5 s: 5xx 40% > 1%", Texts(svg));
        Assert.Contains("seconds since the deploy started", Texts(svg));
    }

    [Fact]
    public void Lines_mark_where_steps_began_on_the_time_axis_and_span_all_three_panels()
    {
        var svg = Render(ChartRecords.Deployed());

        var steps = Elements(svg, "g", "step").Select(g => g.Element(Svg + "line")!).ToList();
        var panels = Elements(svg, "rect", "panel");
        // 104 s on an axis of 0–120 s across the 666 px between the margins (70 left, 24 right).
        Assert.Equal([136.6, 303.1, 469.6], steps.Select(l => Number(l, "x1")));
        Assert.All(steps, l => Assert.Equal((Number(panels[0], "y"), Number(panels[2], "y") + Number(panels[2], "height")), (Number(l, "y1"), Number(l, "y2"))));
        Assert.Empty(Elements(svg, "g", "abort"));
        Assert.DoesNotContain("#dc2626", svg.ToString(), StringComparison.Ordinal);
        Assert.Equal(["0", "20", "40", "60", "80", "100", "120", "seconds since the deploy started"], Texts(svg)[^8..]);
    }

    [Fact]
    public void A_deploy_that_failed_before_traffic_says_so_in_its_panels()
    {
        var texts = Texts(Render(ChartRecords.Failed()));

        Assert.Contains("no production traffic reached green", texts);
        Assert.Equal(2, texts.Count(t => t == "no measurements"));
    }

    [Fact]
    public void Markup_in_a_reason_is_text_not_markup()
    {
        var svg = Render(ChartRecords.Aborted("<script>alert(1)</script> & more"));

        Assert.Contains("aborted at 30.5 s: <script>alert(1)</script> & more", Texts(svg));
        Assert.Empty(svg.Descendants(Svg + "script"));
    }

    private static XDocument Render(DeploymentRecord record) => XDocument.Parse(SvgDeployChart.Render(DeploymentChart.Of(record)));

    private static List<XElement> Elements(XDocument svg, string name, string kind) =>
        svg.Descendants(Svg + name).Where(e => e.Attribute("class")?.Value == kind).ToList();

    private static List<string> Texts(XDocument svg) => svg.Descendants(Svg + "text").Select(t => t.Value).ToList();

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, System.Globalization.CultureInfo.InvariantCulture);
}
