using Engine;
using Engine.Output;
using Xunit.Abstractions;

namespace BuildTests.Delivery.Local;

/// <summary>Staging a color: a real container of the service, seen by the engine and by HAProxy's health checks.</summary>
public sealed class StagingTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    [LocalPlatformFact]
    public async Task A_staged_color_runs_its_image_and_becomes_healthy_through_HAProxy()
    {
        await using var environment = new LocalEnvironment();
        var platform = environment.Platform;
        await platform.CheckReachableAsync(CancellationToken.None);
        Assert.Equal(0, await platform.CapacityAsync(Color.Green, CancellationToken.None));
        Assert.Equal(ColorState.Stopped, (await platform.ObserveAsync(Color.Green, CancellationToken.None)).State);

        var took = await environment.StageHealthyAsync(Color.Green, images.First);

        output.WriteLine($"stage → healthy: {took.TotalSeconds:0.0} s");
        var status = await platform.ObserveAsync(Color.Green, CancellationToken.None);
        Assert.Equal((ColorState.Running, images.First.ToString()), (status.State, status.Image));
        Assert.Equal(1, await platform.CapacityAsync(Color.Green, CancellationToken.None));
        var health = await platform.CheckHealthAsync(Color.Green, CancellationToken.None);
        Assert.True(health.Healthy, health.Detail);
        // HAProxy's stats line gave check_code 0 beside L7OK once, on a machine loaded far beyond its 2 cores.
        Assert.Matches(@"^HAProxy public/green: UP, check L7OK (200|0) \(Layer7 check passed\)$", health.Detail);
        await platform.RouteTestTrafficAsync(Color.Green, CancellationToken.None);
        var version = await environment.Http.GetStringAsync(new Uri(platform.TestAddress, "version"));
        Assert.Equal("""{"version":"1.0.0-green","commit":"c0ffee","color":"green"}""", version);
    }

    [LocalPlatformFact]
    public async Task A_release_whose_readiness_fails_is_never_healthy_and_gets_no_public_traffic_whatever_its_weight()
    {
        await using var environment = new LocalEnvironment();
        await environment.StageHealthyAsync(Color.Blue, images.First);
        var unhealthy = environment.With(new Dictionary<string, string> { ["APP_FAULT"] = "unhealthy" });
        await unhealthy.StageAsync(Color.Green, new StageRequest(images.Second, 1, "2", null), CancellationToken.None);

        var reading = await environment.WaitForHealthAsync(Color.Green, healthy: true, TimeSpan.FromSeconds(8));
        await environment.Platform.SetWeightsAsync(new TrafficWeights(50, 50), CancellationToken.None);
        var colors = new List<string>();
        for (var i = 0; i < 20; i++)
            colors.Add(await environment.ColorBehindAsync(environment.Platform.PublicAddress));

        Assert.False(reading.Healthy, reading.Detail);
        Assert.Equal("HAProxy public/green: DOWN, check L7STS 503 (Layer7 wrong status)", reading.Detail);
        Assert.Equal(ColorState.Running, (await environment.Platform.ObserveAsync(Color.Green, CancellationToken.None)).State);
        Assert.All(colors, color => Assert.Equal("blue", color));
    }

    [LocalPlatformFact]
    public async Task A_container_that_exits_at_once_is_observed_failed_with_its_exit_code_and_last_lines_and_the_secret_stays_secret()
    {
        var log = new StringWriter();
        BuildOutput.Current = new BuildOutput(log, Verbosity.Verbose, new SecretMasker(), useColor: false);
        await using var environment = new LocalEnvironment(settings => settings with
        {
            ContainerEnvironment = new Dictionary<string, string> { ["DATABASE_URL"] = "mysql://notes:top%2Fsecret@db.example.com/notes" },
        });

        await environment.Platform.StageAsync(Color.Blue, new StageRequest(images.First, 1, null, null), CancellationToken.None);
        var status = await ObserveUntilSettledAsync(environment.Platform, Color.Blue);

        Assert.Equal((ColorState.Failed, 2), (status.State, status.ExitCode));
        Assert.StartsWith($"{environment.Settings.ContainerName(Color.Blue)} exited with exit code 2", status.Detail, StringComparison.Ordinal);
        Assert.Contains(status.LastLogLines!, line => line.StartsWith("Invalid configuration: DATABASE_URL is invalid: the scheme 'mysql' is not supported", StringComparison.Ordinal));
        Assert.Equal(0, await environment.Platform.CapacityAsync(Color.Blue, CancellationToken.None));
        var printed = log.ToString();
        // The container was made through the engine's API, so no command line carried its environment (the service's own
        // refusal above shows the secret reached it).
        Assert.DoesNotContain("docker run", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", printed, StringComparison.Ordinal);
        Assert.Contains("top/secret", BuildOutput.Current.Secrets.Values);
    }

    private static async Task<ColorStatus> ObserveUntilSettledAsync(LocalPlatform platform, Color color)
    {
        for (var attempt = 0; ; attempt++)
        {
            var status = await platform.ObserveAsync(color, CancellationToken.None);
            if (status.State is ColorState.Failed or ColorState.Stopped || attempt == 300)
                return status;
            await Task.Delay(100);
        }
    }
}
