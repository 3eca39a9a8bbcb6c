using System.Xml.Linq;
using Engine;

namespace BuildTests.Delivery.Chart;

/// <summary>What a deploy leaves to look at: artifacts/deployment.md and .svg, however it ended, and the same Markdown in the step summary.</summary>
public sealed class DeploymentReportTests : IDisposable
{
    private readonly AbsolutePath artifacts = TestPaths.NewTemporaryRoot() / "artifacts";
    private readonly List<string> stepSummary = [];

    public void Dispose() => Directory.Delete(artifacts.Parent, recursive: true);

    [Fact]
    public void An_aborted_deploy_writes_its_markdown_and_picture_and_appends_the_markdown_to_the_step_summary()
    {
        var report = new DeploymentReport(artifacts, stepSummary.Add);

        report.Write(ChartRecords.Aborted());

        var markdown = File.ReadAllText(artifacts / "deployment.md");
        Assert.Equal(markdown, Assert.Single(stepSummary));
        Assert.StartsWith("## Deploy local: 1.1.0 (sha256:bbbbbbbbbbbb…) to green, aborted\n\naborted at 10%: 5xx 40% > 1%, traffic back on blue\n\n```mermaid\n", markdown, StringComparison.Ordinal);
        Assert.Equal(3, markdown.Split("```mermaid\n").Length - 1);
        Assert.Contains("| 10% | 20.0 s | 10.5 s | 2 (1 failed) | 40% | 18 ms |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| **aborted** | 30.5 s | | 5xx 40% > 1% | | |\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("The same chart as a picture: `artifacts/deployment.svg` (times in seconds since the deploy started).\n", markdown, StringComparison.Ordinal);
        Assert.Equal("svg", XDocument.Load(artifacts / "deployment.svg").Root!.Name.LocalName);
    }

    [Fact]
    public void A_deploy_that_failed_before_traffic_still_leaves_its_report_saying_there_is_nothing_to_chart()
    {
        new DeploymentReport(artifacts, stepSummary.Add).Write(ChartRecords.Failed());

        var markdown = File.ReadAllText(artifacts / "deployment.md");
        Assert.Contains("failed before any traffic reached green: smoke test failed on green: version: 500; traffic stays on blue", markdown, StringComparison.Ordinal);
        Assert.Contains("No production traffic reached green: nothing to chart.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("```mermaid", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| Step |", markdown, StringComparison.Ordinal);
        Assert.True(File.Exists(artifacts / "deployment.svg"));
    }

    [Fact]
    public void A_pipe_or_line_break_in_a_reason_does_not_break_the_table()
    {
        new DeploymentReport(artifacts, stepSummary.Add).Write(ChartRecords.Aborted("a | b\nc"));

        Assert.Contains("| **aborted** | 30.5 s | | a \\| b c | | |\n", File.ReadAllText(artifacts / "deployment.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_no_failure_and_still_reaches_the_step_summary()
    {
        File.WriteAllText(artifacts.Parent / "blocked", "a file where the folder should be");
        var report = new DeploymentReport(artifacts.Parent / "blocked", stepSummary.Add);

        report.Write(ChartRecords.Aborted());

        Assert.Contains("aborted at 10%", Assert.Single(stepSummary), StringComparison.Ordinal);
    }
}
