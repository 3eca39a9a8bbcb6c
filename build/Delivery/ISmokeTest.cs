using Engine;
using Pipeline.Delivery.Smoke;

namespace Pipeline.Delivery;

/// <summary>
/// The SmokeTest component: HTTP checks (health, /version of the live release, and the service's own checks a build
/// adds through <see cref="IHazDeployment.SmokeChecks"/>) against the environment's public URL, or --smoke-test-url. A failure names the check, the URL and what came back.
/// </summary>
public interface ISmokeTest : IHazDeployment
{
    [Parameter("Base URL the smoke tests run against", DefaultText = "the environment's public URL")]
    Uri? SmokeTestUrl => TryGetValue(() => SmokeTestUrl);

    Target SmokeTest => _ => _
        .Description("HTTP checks of the live release through the public URL: health, /version and the service's own checks")
        .TryAfter<IDeployBlueGreen>(x => x.DeployBlueGreen)
        .Executes(async cancellation =>
        {
            var platform = CreateDeploymentPlatform();
            var live = (await platform.ReadStateAsync(cancellation)).Live;
            var address = SmokeTestUrl ?? platform.PublicAddress;
            var expected = new ExpectedRelease(live?.Version, live?.Commit, live?.Color);
            using var suite = new SmokeSuite(SmokeChecks);
            var report = await suite.RunAsync(address, expected, cancellation);
            foreach (var line in report.Lines)
                Log.Information(line);
            ReportSummary(report.Summary);
            if (report.FirstFailure is { } failure)
                throw new DeploymentFailedException($"smoke test failed: {failure}");
        });
}
