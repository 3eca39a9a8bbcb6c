using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipeline.Delivery.LiveView;

/// <summary>
/// Draws a <see cref="BoardSnapshot"/> with Spectre.Console: the colors' table, then the step, the bake, the latest
/// measurements against their limits, the latest events and stopped reasons, in one panel. The one class that uses
/// Spectre.Console, reached only once the live view is drawn, so nothing else loads it. Every text is a
/// <see cref="Text"/>, never markup: a detail with brackets is shown as it is.
/// </summary>
internal static class BoardTable
{
    private static readonly Style Dim = new(Spectre.Console.Color.Grey);
    private static readonly Style Good = new(Spectre.Console.Color.Green);
    private static readonly Style Bad = new(Spectre.Console.Color.Red);

    /// <summary>The panel as ANSI text for a terminal <paramref name="width"/> columns wide.</summary>
    public static string Draw(BoardSnapshot board, int width, bool unicode)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = unicode;
        console.Write(Of(board));
        return writer.ToString();
    }

    public static IRenderable Of(BoardSnapshot board)
    {
        var colors = new Table().Border(TableBorder.Simple).AddColumns("color", "release", "role", "instances", "health", "weight");
        foreach (var line in board.Colors)
        {
            colors.AddRow(
                new Text(line.Color.Name(), line.Color == Color.Blue ? new Style(Spectre.Console.Color.Blue) : Good),
                new Text(line.Release),
                new Text(line.Role, line.Role == "new" ? new Style(decoration: Decoration.Bold) : Style.Plain),
                new Text(line.Instances, line.Instances.StartsWith("failed", StringComparison.Ordinal) ? Bad : Style.Plain),
                new Text(line.Health, line.Health == "healthy" ? Good : line.Health == "–" ? Dim : Bad),
                new Text(line.Weight is { } weight ? $"{weight}%" : "–"));
        }

        var details = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        details.AddRow(new Text("step", Dim), new Text(Step(board)));
        if (board.Bake is { } bake)
            details.AddRow(new Text("bake", Dim), new Text($"{DeploymentLog.Seconds(bake.Elapsed)} / {DeploymentLog.Seconds(bake.Total)}"));
        if (board.Wait is { } wait)
            details.AddRow(new Text("waiting", Dim), new Text($"{wait.Awaited}: {DeploymentLog.Seconds(wait.Elapsed)} / {DeploymentLog.Seconds(wait.Deadline)}, {wait.Observed}"));
        details.AddRow(new Text("analysis", Dim), Measurements(board));
        details.AddRow(new Text("events", Dim), new Rows(board.Events.Select(e => new Text(e))));
        if (board.StoppedReasons.Count > 0)
            details.AddRow(new Text("stopped", Bad), new Rows(board.StoppedReasons.Select(r => new Text(r, Bad))));

        return new Panel(new Rows(colors, details)).Header(Markup.Escape(board.Title)).Border(BoxBorder.Rounded).Expand();
    }

    private static string Step(BoardSnapshot board) => board.Step is { } step
        ? $"{step.Percent}% of traffic on the new color ({step.Number} of {step.Count})"
        : board.Phase ?? "preflight";

    /// <summary>The limits, then the latest measurements, newest first: each value red when it broke its limit.</summary>
    private static Table Measurements(BoardSnapshot board)
    {
        var limits = board.Limits;
        var table = new Table().Border(TableBorder.None).HideHeaders().AddColumns("", "5xx", "mean response", "requests", "result");
        table.AddRow(new Text("", Dim), new Text("5xx", Dim), new Text("mean response", Dim), new Text("requests", Dim), new Text("result", Dim));
        table.AddRow(
            new Text("limit", Dim),
            new Text($"≤ {TrafficAnalysis.Percent(limits.MaxErrorRate)}", Dim),
            new Text($"≤ {limits.MaxResponseTime.TotalMilliseconds:0} ms", Dim),
            new Text($"≥ {limits.MinRequests}", Dim),
            new Text(""));
        foreach (var (measurement, index) in board.Measurements.Select((m, i) => (m, i)))
        {
            var rate = measurement.Requests > 0 ? (double)measurement.ServerErrors / measurement.Requests : 0;
            var latency = measurement.AverageResponseMs;
            table.AddRow(
                new Text(index == 0 ? "latest" : "earlier", Dim),
                new Text(TrafficAnalysis.Percent(rate), rate > limits.MaxErrorRate ? Bad : Style.Plain),
                new Text(latency is { } ms ? $"{ms:0} ms" : "–", latency > limits.MaxResponseTime.TotalMilliseconds ? Bad : Style.Plain),
                new Text(measurement.Requests.ToString(CultureInfo.InvariantCulture), measurement.Requests < limits.MinRequests ? Bad : Style.Plain),
                new Text(Result(measurement), measurement.Result == MeasurementResult.Passed ? Good : Bad));
        }

        return table;
    }

    private static string Result(Measurement measurement) => measurement.Result switch
    {
        MeasurementResult.Passed => "passed",
        var other => $"{other.ToString().ToLowerInvariant()}: {measurement.Text}",
    };
}
