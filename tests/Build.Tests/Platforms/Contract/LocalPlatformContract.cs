using BuildTests.Delivery.Local;

namespace BuildTests.Platforms.Contract;

/// <summary>
/// The contract on the local platform: the service's real image in Docker containers behind HAProxy, a
/// <see cref="Delivery.Local.LocalEnvironment"/> of its own per fact. Traffic is HTTP through the listeners, and the second instance
/// is a new <see cref="LocalPlatform"/> on the same state folder and HAProxy, as the next process would make it.
/// </summary>
[ContractNeeds(typeof(LocalPlatformFactAttribute))]
public sealed class LocalPlatformContract(ServiceImages images) : DurablePlatformContract, IClassFixture<ServiceImages>
{
    private Delivery.Local.LocalEnvironment? environment;

    private Delivery.Local.LocalEnvironment Environment => environment ?? throw new InvalidOperationException("the environment is made in InitializeAsync");

    private protected override ImageDigest FirstImage => images.First;

    private protected override ImageDigest SecondImage => images.Second;

    private protected override Task<IDeploymentPlatform> CreatePlatformAsync()
    {
        environment = new Delivery.Local.LocalEnvironment();
        return Task.FromResult<IDeploymentPlatform>(environment.Platform);
    }

    private protected override IDeploymentPlatform SecondInstance() => new LocalPlatform(Environment.Settings);

    private protected override async Task DisposeEnvironmentAsync()
    {
        if (environment is not null)
            await environment.DisposeAsync();
    }

    /// <summary>GET /version through the public listener: each must succeed and come from the color.</summary>
    private protected override async Task<int> SendRequestsAsync(IDeploymentPlatform platform, Color color, int count)
    {
        for (var i = 0; i < count; i++)
            Assert.Equal(color.Name(), await Environment.ColorBehindAsync(platform.PublicAddress));
        return count;
    }

    /// <summary>The color /version reports through the test listener.</summary>
    private protected override async Task<Color?> ColorBehindTestRouteAsync(IDeploymentPlatform platform) =>
        await Environment.ColorBehindAsync(platform.TestAddress) switch
        {
            "blue" => Color.Blue,
            "green" => Color.Green,
            _ => null,
        };
}
