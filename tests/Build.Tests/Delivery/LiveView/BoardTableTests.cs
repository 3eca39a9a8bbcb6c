using Spectre.Console.Testing;
using Xunit.Abstractions;

namespace BuildTests.Delivery.LiveView;

/// <summary>The live table as Spectre.Console draws it, on a test console 120 columns wide.</summary>
public sealed class BoardTableTests(ITestOutputHelper output)
{
    private static readonly BoardSnapshot During50 = new(
        "deploying 2.0.0 (sha256:bbbbbbbbbbbb…) to local on in memory",
        [
            new ColorLine(Color.Blue, "1.0.0 (sha256:aaaaaaaaaaaa…)", "live", "running 1/1", "healthy", 50),
            new ColorLine(Color.Green, "2.0.0 (sha256:bbbbbbbbbbbb…)", "new", "running 1/1", "healthy", 50),
        ],
        "shift 50%",
        new StepLine(50, 2, 3),
        new BakeLine(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30)),
        null,
        new AnalysisSettings(),
        [
            new Measurement(MeasurementResult.Passed, 48, 0, 3.2, "5xx 0%, 48 requests, 3 ms", 12.5),
            new Measurement(MeasurementResult.Failed, 40, 2, 4, "5xx 5% > 1%", 14.5),
        ],
        ["12:00:01 step 50%: blue 50% / green 50%"],
        []);

    [Fact]
    public void The_table_shows_each_color_s_row_the_step_the_bake_and_the_measurements_against_their_limits()
    {
        var screen = Draw(During50);

        Assert.Matches(@"blue\s+1\.0\.0 \(sha256:a+…\)\s+live\s+running 1/1\s+healthy\s+50%", screen);
        Assert.Matches(@"green\s+2\.0\.0 \(sha256:b+…\)\s+new\s+running 1/1\s+healthy\s+50%", screen);
        Assert.Matches(@"step\s+50% of traffic on the new color \(2 of 3\)", screen);
        Assert.Matches(@"bake\s+7 s / 30 s", screen);
        Assert.Matches(@"limit\s+≤ 1%\s+≤ 500 ms\s+≥ 1\s", screen);
        Assert.Matches(@"latest\s+0%\s+3 ms\s+48\s+passed", screen);
        Assert.Matches(@"earlier\s+5%\s+4 ms\s+40\s+failed: 5xx 5% > 1%", screen);
        Assert.Contains("12:00:01 step 50%: blue 50% / green 50%", screen, StringComparison.Ordinal);
        Assert.Matches(@"╭─+ ?deploying 2\.0\.0 \(sha256:b+…\) to local on in memory ?─", screen); // the deploy's first line is its title
    }

    [Fact]
    public void A_wait_and_a_stopped_reason_are_shown_with_brackets_as_they_are_never_read_as_markup()
    {
        var staging = During50 with
        {
            Step = null,
            Bake = null,
            Phase = "stage",
            Wait = new WaitLine("green to run", TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(120), "starting [1/2]"),
            StoppedReasons = ["green: exited, exit code 1, last log line: [red]boom[/]"],
        };

        var screen = Draw(staging);

        Assert.Matches(@"step\s+stage", screen);
        Assert.Matches(@"waiting\s+green to run: 3 s / 120 s, starting \[1/2\]", screen);
        Assert.Contains("green: exited, exit code 1, last log line: [red]boom[/]", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Drawn_for_a_terminal_the_table_is_ANSI_text_no_line_wider_than_asked()
    {
        var text = BoardTable.Draw(During50, width: 100, unicode: true);

        Assert.Contains("\e[", text, StringComparison.Ordinal);
        var plain = System.Text.RegularExpressions.Regex.Replace(text, @"\e\[[0-9;]*m", "");
        Assert.All(plain.TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        Assert.StartsWith("╭", plain, StringComparison.Ordinal);
    }

    private string Draw(BoardSnapshot board)
    {
        var console = new TestConsole().Width(120);
        console.Write(BoardTable.Of(board));
        output.WriteLine(console.Output);
        return console.Output;
    }
}
