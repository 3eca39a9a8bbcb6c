using BuildTests.Delivery;

namespace BuildTests.Platforms.Contract;

/// <summary>
/// The contract on <see cref="InMemoryPlatform"/>, the platform of the algorithm's tests: a deploy decided on it is a
/// deploy decided on a platform that keeps the promises the real ones keep. Its environment is the object itself, so it
/// is no <see cref="DurablePlatformContract"/>: nothing of it outlives the process.
/// </summary>
public sealed class InMemoryPlatformContract : PlatformContract
{
    private readonly InMemoryPlatform platform = new();

    private protected override ImageDigest FirstImage { get; } = ImageDigest.Parse("127.0.0.1:5000/app@sha256:" + new string('1', 64));

    private protected override ImageDigest SecondImage { get; } = ImageDigest.Parse("127.0.0.1:5000/app@sha256:" + new string('2', 64));

    private protected override string? CountsMoreThanTrafficSent =>
        "InMemoryPlatform models steady production traffic: every SampleAsync adds 100 requests split by the weights, besides what is sent";

    private protected override Task<IDeploymentPlatform> CreatePlatformAsync() => Task.FromResult<IDeploymentPlatform>(platform);

    private protected override Task<int> SendRequestsAsync(IDeploymentPlatform under, Color color, int count)
    {
        Assert.Equal(100, platform.Weights.For(color)); // the router would give them all to the color
        platform.Serve(color, count);
        return Task.FromResult(count);
    }

    private protected override Task<Color?> ColorBehindTestRouteAsync(IDeploymentPlatform under) => Task.FromResult(platform.TestRoute);
}
