using BuildTests.Delivery;

namespace BuildTests.Platforms.Contract;

/// <summary>
/// The contract on <see cref="InMemoryPlatform"/>, the platform of the algorithm's tests: a deploy decided on it is a
/// deploy decided on a platform that keeps the promises the real ones keep.
/// </summary>
[DoesNotApply(
    nameof(After_a_crash_a_fresh_instance_reads_the_same_state_lock_and_weights_and_can_take_the_lock_over),
    "its environment is the object itself: nothing of it outlives the process, so there is no second instance over the same environment to make")]
public sealed class InMemoryPlatformContract : PlatformContract
{
    private readonly InMemoryPlatform platform = new();

    private protected override ImageDigest FirstImage { get; } = ImageDigest.Parse("127.0.0.1:5000/app@sha256:" + new string('1', 64));

    private protected override ImageDigest SecondImage { get; } = ImageDigest.Parse("127.0.0.1:5000/app@sha256:" + new string('2', 64));

    private protected override string? CountsMoreThanTrafficSent =>
        "InMemoryPlatform models steady production traffic: every SampleAsync adds 100 requests split by the weights, besides what is sent";

    private protected override Task<IDeploymentPlatform> CreatePlatformAsync() => Task.FromResult<IDeploymentPlatform>(platform);

    private protected override IDeploymentPlatform SecondInstance() =>
        throw new InvalidOperationException("an in-memory platform has no environment outside itself (see DoesNotApply on this class)");

    private protected override Task<int> SendRequestsAsync(IDeploymentPlatform under, Color color, int count)
    {
        Assert.Equal(100, platform.Weights.For(color)); // the router would give them all to the color
        platform.Serve(color, count);
        return Task.FromResult(count);
    }

    private protected override Task<Color?> ColorBehindTestRouteAsync(IDeploymentPlatform under) => Task.FromResult(platform.TestRoute);
}
