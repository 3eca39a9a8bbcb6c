namespace BuildTests.Delivery.Smoke;

/// <summary>
/// What each test of the smoke suite against <see cref="FakeService"/> starts from: the stand-in on its own socket, a
/// suite of this repository's checks, and the release the stand-in serves as the one expected (xunit makes a new instance per test).
/// </summary>
public abstract class FakeServiceTest : IDisposable
{
    protected static ExpectedRelease Expected => FakeService.Served;

    private protected FakeService Service { get; } = new();

    protected SmokeSuite Suite { get; } = new(Build.ServiceSmokeChecks);

    public void Dispose()
    {
        Suite.Dispose();
        Service.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Every check against the stand-in, expecting <paramref name="expected"/> (by default what it serves).</summary>
    protected Task<SmokeReport> RunAsync(ExpectedRelease? expected = null) =>
        Suite.RunAsync(Service.Address, expected ?? Expected, CancellationToken.None);

    /// <summary>The first failure against the stand-in, or null, expecting <paramref name="expected"/> (by default what it serves).</summary>
    protected Task<string?> FailureAsync(ExpectedRelease? expected = null) =>
        Suite.FailureAsync(Service.Address, expected ?? Expected, CancellationToken.None);
}
