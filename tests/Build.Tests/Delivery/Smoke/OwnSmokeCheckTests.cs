namespace BuildTests.Delivery.Smoke;

/// <summary>
/// A build adds checks of its own service through IHazDeployment.SmokeChecks: they run after the standard ones, their
/// failure fails the suite like any other, and a component's build without them runs the standard three only.
/// </summary>
public sealed class OwnSmokeCheckTests : IDisposable
{
    private static ExpectedRelease Expected => FakeService.Served;
    private readonly FakeService service = new();

    public void Dispose() => service.Dispose();

    [Fact]
    public async Task A_check_of_the_build_s_own_runs_after_the_standard_ones_and_can_fail_the_suite()
    {
        using var suite = new SmokeSuite([.. SmokeSuite.StandardChecks, new MissingPageCheck()]);

        var report = await suite.RunAsync(service.Address, Expected, CancellationToken.None);

        Assert.Equal(["live", "ready", "version", "orders"], report.Results.Select(result => result.Name));
        Assert.False(report.Passed);
        Assert.StartsWith("orders: GET ", report.FirstFailure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_that_adds_nothing_runs_the_standard_checks_and_this_repository_adds_its_notes_round_trip()
    {
        IHazDeployment component = new ComponentOnlyBuild();

        Assert.Equal(["live", "ready", "version"], component.SmokeChecks.Select(check => check.Name));
        Assert.Equal(["live", "ready", "version", "notes"], Build.ServiceSmokeChecks.Select(check => check.Name));
    }

    /// <summary>A service's own page that the stand-in service does not have: the check must see the 404.</summary>
    private sealed class MissingPageCheck : ISmokeCheck
    {
        public string Name => "orders";

        public async Task<SmokeCheckResult> RunAsync(SmokeClient client, Uri root, ExpectedRelease expected, CancellationToken cancellation)
        {
            var url = new Uri(root, "orders");
            var exchange = await client.GetAsync(url, cancellation);
            return new SmokeCheckResult(Name, "GET", url, exchange.Status == 200, $"returned {exchange.Status}", exchange.Status == 200 ? null : "expected 200");
        }
    }

    private sealed class ComponentOnlyBuild : Engine.BuildBase, IHazDeployment
    {
        IDeploymentPlatform IHazDeployment.CreateDeploymentPlatform() => throw new NotSupportedException("not deployed by this test");
    }
}
