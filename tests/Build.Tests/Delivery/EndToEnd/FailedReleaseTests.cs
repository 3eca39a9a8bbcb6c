using System.Text.Json;
using BuildTests.Delivery.Local;
using Xunit.Abstractions;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// ./build.sh DeployBlueGreen of a faulty release (APP_FAULT, set on the new color's container only) after a good one:
/// users keep being served by the old color, the build fails (exit 1) saying why, and the Rollback it triggers finds
/// nothing to roll back because traffic never left, or already came back to, the live color.
/// </summary>
public sealed class FailedReleaseTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    private const string NothingToRollBack = "nothing to roll back: this run's deploy never went live, and traffic is on the live color";

    [EndToEndTheory]
    [InlineData("unhealthy", "green to be healthy: not reached in 15 s; last seen: HAProxy public/green: DOWN, check L7STS 503")] // readiness answers 503
    [InlineData("errors", "smoke test failed on green: version: GET http://127.0.0.1:")] // /version answers 500 to the smoke tests
    // 15 s, not less: on a loaded 2-core CI machine the container may not even listen within 5 s, and the router's last
    // word would then be a refused connection instead of the readiness's 503 this case is about.
    public async Task A_release_that_fails_its_health_or_smoke_tests_never_receives_traffic_and_the_old_color_keeps_answering(string fault, string reason)
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);

        await using var users = new PublicTraffic(build.Environment.Platform.PublicAddress);
        await users.FlowingAsync();
        var run = await build.RunAsync("DeployBlueGreen", "--image-digest", images.Second.ToString(), "--local-container-variables", $"APP_FAULT={fault}", "--health-timeout", "15s");
        await users.StopAfterAsync(TimeSpan.FromSeconds(1));

        output.WriteLine(users.ToString());
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"DeployBlueGreen failed: failed before any traffic reached green: {reason}", run.Output, StringComparison.Ordinal);
        Assert.Contains("; traffic stays on blue", run.Output, StringComparison.Ordinal);
        Assert.Matches($@"Rollback\s+Succeeded\s+.*{NothingToRollBack}", run.Output);
        Assert.Equal((DeploymentOutcome.Failed, Color.Green, 0), (run.Written.Outcome, run.Written.ToColor, run.Written.TrafficPercent));
        Assert.Empty(run.Written.Steps);
        Assert.Empty(users.Failures);
        Assert.Equal(["blue"], users.ByColor.Keys); // not one request reached green
        Assert.Equal(Color.Blue, await LiveColor.AssertOneAsync(build.Environment));
        Assert.Equal(ColorState.Stopped, (await build.Environment.Platform.ObserveAsync(Color.Green, CancellationToken.None)).State);
    }

    [EndToEndFact]
    public async Task A_release_that_fails_under_production_traffic_is_aborted_at_10_percent_and_all_traffic_returns_to_the_old_color()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        using var webhook = new LocalHttpServer(_ => new LocalHttpServer.Answer(200, "ok"));

        await using var users = new PublicTraffic(build.Environment.Platform.PublicAddress);
        await users.FlowingAsync();
        // The smoke tests' 3 requests are served, so it passes them; every later one, production's, answers 500.
        // As on GitHub Actions, so the deploy's chart also goes to the step summary.
        var stepSummary = Path.Combine(build.Root, "step-summary.md");
        var gitHub = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = stepSummary };
        var run = await build.RunAsync(gitHub, "DeployBlueGreen", "--image-digest", images.Second.ToString(), "--local-container-variables", "APP_FAULT=errors-after:3",
            "--deploy-webhook-url", new Uri(webhook.Address, "hook").ToString());
        await users.StopAfterAsync(TimeSpan.FromSeconds(1));

        output.WriteLine(users.ToString());
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("smoke tests passed on green", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"DeployBlueGreen failed: aborted at 10%: 5xx \d+(\.\d+)?% > 1%, traffic back on blue", run.Output);
        Assert.Matches($@"Rollback\s+Succeeded\s+.*{NothingToRollBack}", run.Output);
        var record = run.Written;
        Assert.Equal((DeploymentOutcome.Aborted, Color.Green, 0), (record.Outcome, record.ToColor, record.TrafficPercent));
        Assert.Equal([10], record.Steps.Select(s => s.Percent));
        Assert.Empty(users.Failures); // the only 500s users saw were the faulty release's own, during its 10%
        Assert.True(users.DeliberateFaults > 0, $"green never got production traffic: {users}");
        Assert.Equal(Color.Blue, await LiveColor.AssertOneAsync(build.Environment));
        Assert.Equal(ColorState.Stopped, (await build.Environment.Platform.ObserveAsync(Color.Green, CancellationToken.None)).State);
        using (var json = JsonDocument.Parse(Assert.Single(webhook.Received).Body))
            Assert.StartsWith("[local] aborted at 10%: 5xx ", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        output.WriteLine($"step 10% until the abort: {record.Steps[0].Seconds:0.00} s; {users.DeliberateFaults} users saw the faulty release's 500");

        // The picture after it: the abort marked in the Markdown (title, charts, table), the SVG beside it, and the same Markdown in the step summary.
        var abort = Assert.IsType<DeployAbort>(record.Abort);
        Assert.Equal([10, 0], record.WeightChanges.Select(w => w.Percent));
        var markdown = File.ReadAllText(Path.Combine(build.Artifacts, "deployment.md"));
        output.WriteLine(markdown);
        Assert.StartsWith($"## Deploy local: {DeployRequest.Describe(record.Version, images.Second)} to green, aborted\n", markdown, StringComparison.Ordinal);
        Assert.Equal(3, markdown.Split("```mermaid\n").Length - 1);
        Assert.Contains($", aborted at {abort.AtSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| \*\*aborted\*\* \| \d+\.\d s \| \| 5xx \d+(\.\d+)?% > 1% \|", markdown);
        Assert.Contains("class=\"abort\"", File.ReadAllText(Path.Combine(build.Artifacts, "deployment.svg")), StringComparison.Ordinal);
        Assert.Contains(markdown.TrimEnd(), File.ReadAllText(stepSummary), StringComparison.Ordinal);
    }
}
