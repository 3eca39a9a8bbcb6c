using System.Text.RegularExpressions;

namespace BuildTests.Delivery.Chart;

/// <summary>The Mermaid xychart text: parsed by mermaid's own parser, and holding the weight, the measurements, the steps and the abort.</summary>
public sealed partial class MermaidDeployChartTests
{
    private static readonly string[] Kinds = ["aborted", "deployed", "failed", "awkward reason"];

    [RequiresToolFact("node", "npm")]
    public void Every_diagram_of_every_kind_of_deploy_parses_as_an_xychart()
    {
        var diagrams = Kinds.SelectMany(name => MermaidDeployChart.Diagrams(DeploymentChart.Of(Record(name)))).ToList();

        var parsed = MermaidParser.Parse(diagrams);

        Assert.Equal(12, diagrams.Count);
        Assert.All(parsed.Zip(diagrams), p => Assert.True(p.First == "xychart", $"{p.First}\n{p.Second}"));
    }

    [RequiresToolFact("node", "npm")]
    public void The_parser_refuses_a_broken_diagram_so_a_pass_means_something()
    {
        var broken = MermaidDeployChart.Diagrams(DeploymentChart.Of(ChartRecords.Aborted()))[0].Replace("]\n    y-axis", "\n    y-axis", StringComparison.Ordinal);

        var parsed = Assert.Single(MermaidParser.Parse([broken]));

        Assert.StartsWith("error: Parse error", parsed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weight_chart_samples_the_weight_per_slot_titles_the_step_and_marks_the_abort_with_a_red_bar()
    {
        var weight = MermaidDeployChart.Diagrams(DeploymentChart.Of(ChartRecords.Aborted()))[0];

        // 34 s in 2 s slots: 0, 2, … 34; 10% from 20 s, back to 0 at 30.5 s, which is in the slot up to 32.
        Assert.Contains("title \"Traffic on green (%): steps 10% at 20 s, aborted at 30.5 s\"", weight, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 18).Select(i => (i * 2).ToString(System.Globalization.CultureInfo.InvariantCulture)), Series(weight, "x-axis \"seconds since the deploy started\"").Select(s => s.Trim('"')));
        Assert.Equal([.. Enumerable.Repeat("0", 10), .. Enumerable.Repeat("10", 6), "0", "0"], Series(weight, "line"));
        Assert.Equal([.. Enumerable.Repeat("0", 16), "100", "0"], Series(weight, "bar"));
        Assert.Contains("plotColorPalette: \"#2563eb, #dc2626\"", weight, StringComparison.Ordinal);
        Assert.Contains("y-axis \"% of production traffic\" 0 --> 100", weight, StringComparison.Ordinal);
    }

    [Fact]
    public void The_measurement_charts_show_the_worst_per_slot_on_a_round_axis_and_say_why_it_aborted()
    {
        var diagrams = MermaidDeployChart.Diagrams(DeploymentChart.Of(ChartRecords.Aborted()));

        var (errors, latency) = (diagrams[1], diagrams[2]);
        Assert.Equal(3, diagrams.Count);
        Assert.Contains("title \"green: 5xx rate (%), the worst measurement per slot, aborted at 30.5 s\"", errors, StringComparison.Ordinal);
        Assert.Equal("40", Series(errors, "bar")[15]); // the measurement at 30 s, in the slot (28, 30]
        Assert.Equal("6", Series(latency, "bar")[13]); // 25 s, in (24, 26]
        Assert.Contains("y-axis \"5xx %\" 0 --> 40", errors, StringComparison.Ordinal);
        Assert.Contains("y-axis \"ms\" 0 --> 20", latency, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_abort_there_is_no_red_bar_and_every_step_is_in_the_title()
    {
        var weight = MermaidDeployChart.Diagrams(DeploymentChart.Of(ChartRecords.Deployed()))[0];

        Assert.Contains("steps 10% at 12 s, 50% at 42 s, 100% at 72 s\"", weight, StringComparison.Ordinal);
        Assert.DoesNotContain("bar", weight, StringComparison.Ordinal);
        Assert.DoesNotContain("#dc2626", weight, StringComparison.Ordinal);
        Assert.Equal("100", Series(weight, "line")[^1]);
    }

    [Fact]
    public void A_reason_with_quotes_and_line_breaks_stays_inside_its_title()
    {
        var diagrams = MermaidDeployChart.Diagrams(DeploymentChart.Of(Record("awkward reason")));

        Assert.All(diagrams, d => Assert.All(d.Split('\n').Where(l => l.Contains("title", StringComparison.Ordinal)), l => Assert.Equal(2, l.Count(c => c == '"'))));
    }

    private static DeploymentRecord Record(string name) => name switch
    {
        "aborted" => ChartRecords.Aborted(),
        "deployed" => ChartRecords.Deployed(),
        "failed" => ChartRecords.Failed(),
        _ => ChartRecords.Aborted("green said \"no\" | 50%\nand more") with { Environment = "prod \"eu\"" },
    };

    /// <summary>The values of the series on the line that starts with <paramref name="prefix"/>: "line [0, 10]" → ["0", "10"].</summary>
    private static string[] Series(string diagram, string prefix) =>
        SeriesLine().Matches(diagram).Single(m => m.Groups["prefix"].Value == prefix).Groups["values"].Value.Split(", ");

    [GeneratedRegex(@"^\s*(?<prefix>.+?) \[(?<values>[^\]]*)\]$", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}
