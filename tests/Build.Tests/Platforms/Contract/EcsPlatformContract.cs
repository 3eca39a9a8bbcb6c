using BuildTests.Aws;

namespace BuildTests.Platforms.Contract;

/// <summary>
/// The contract on the ECS platform against moto, in an environment made by Provision
/// (<see cref="MotoEcsEnvironment.ProvisionedAsync"/>) per fact; moto-ecs.py completes the rollouts and registers a
/// service's tasks as targets, which moto reports healthy. moto's load balancers serve no traffic, so what would be
/// seen through them is read where ECS keeps it: traffic is what the load balancer would put in CloudWatch
/// (<see cref="MotoEcsEnvironment.PutTrafficAsync"/>, as EcsPlatformTests does), the test route is the test listener's
/// forward action, and the image a color runs is its service's task definition (ObserveAsync reports no image on ECS).
/// The second instance is a new EcsPlatform on the same names, which finds everything again from AWS.
/// </summary>
[ContractNeeds(typeof(MotoFactAttribute))]
public sealed class EcsPlatformContract : DurablePlatformContract
{
    private MotoEcsEnvironment? environment;

    private MotoEcsEnvironment Environment => environment ?? throw new InvalidOperationException("the environment is made in InitializeAsync");

    private protected override ImageDigest FirstImage { get; } = ImageDigest.Parse(MotoEcsEnvironment.ImageB);

    private protected override ImageDigest SecondImage { get; } = ImageDigest.Parse(MotoEcsEnvironment.ImageC);

    private protected override async Task<IDeploymentPlatform> CreatePlatformAsync()
    {
        environment = await MotoEcsEnvironment.ProvisionedAsync();
        return environment.Platform();
    }

    private protected override IDeploymentPlatform SecondInstance() => Environment.Platform();

    /// <summary>What the load balancer reports for <paramref name="count"/> requests the color answered in 50 ms each.</summary>
    private protected override async Task<int> SendRequestsAsync(IDeploymentPlatform platform, Color color, int count)
    {
        Assert.Equal(100, (await platform.ReadWeightsAsync(CancellationToken.None)).For(color)); // the listener would forward them all to the color
        await Environment.PutTrafficAsync(color, count, serverErrors: 0, responseSeconds: 0.05);
        // SampleAsync asks CloudWatch up to the current whole second (GetMetricData's EndTime is epoch seconds): a data
        // point is counted from the next second on. (On AWS the load balancer's metrics come a minute or so late.)
        await Task.Delay(TimeSpan.FromSeconds(1));
        return count;
    }

    private protected override Task<Color?> ColorBehindTestRouteAsync(IDeploymentPlatform platform) => Environment.TestListenerColorAsync();

    private protected override async Task<string?> ImageRunningOnAsync(IDeploymentPlatform platform, Color color)
    {
        var names = Environment.Names;
        var service = (await Environment.Ecs.DescribeServices(names.Cluster, [names.Service(color)], CancellationToken.None)).Single();
        return (await Environment.Ecs.DescribeTaskDefinition(service.TaskDefinition, CancellationToken.None)).ImageOf(names.Container);
    }
}
