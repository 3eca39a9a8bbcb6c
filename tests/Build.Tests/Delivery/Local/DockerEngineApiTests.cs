namespace BuildTests.Delivery.Local;

/// <summary>
/// The local platform's container calls through the engine's API, on the real engine: what they start, and that a
/// refusal is the engine's own one line, never the CLI's usage hint.
/// </summary>
public sealed class DockerEngineApiTests(ServiceImages images) : IClassFixture<ServiceImages>
{
    private readonly DockerEngine engine = DockerEngine.FromEnvironment();

    private readonly string name = "api-test-" + Guid.NewGuid().ToString("N")[..8];

    [LocalPlatformFact]
    public async Task A_container_runs_with_its_environment_labels_and_restart_policy_and_is_gone_after_remove()
    {
        try
        {
            var run = new DockerRun(images.First.ToString(), name)
            {
                Network = "host",
                Environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:1" },
                SecretEnvironment = new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://app:s3cret@127.0.0.1:1/app" },
                Labels = new Dictionary<string, string> { ["api-test"] = name },
            };

            var id = await DockerEngineApi.Run(engine, run, CancellationToken.None);

            var container = await DockerEngineApi.InspectContainer(engine, name, CancellationToken.None);
            Assert.NotNull(container);
            Assert.Equal(name, container.Labels["api-test"]);
            Assert.Matches("^[0-9a-f]{64}$", id);
            var environment = Images.FixtureImage.Docker("container", "inspect", "--format", "{{json .Config.Env}}", name);
            Assert.Contains("\"DATABASE_URL=postgres://app:s3cret@127.0.0.1:1/app\"", environment, StringComparison.Ordinal);
            Assert.True(await DockerEngineApi.SetRestartPolicy(engine, name, "unless-stopped", CancellationToken.None));
            Assert.Equal("unless-stopped", Images.FixtureImage.Docker("container", "inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", name).Trim());
            await DockerEngineApi.Stop(engine, name, TimeSpan.FromSeconds(2), CancellationToken.None);
            Assert.False((await DockerEngineApi.InspectContainer(engine, name, CancellationToken.None))!.IsRunning);
            Assert.True(await DockerEngineApi.Remove(engine, name, force: false, CancellationToken.None));
            Assert.Null(await DockerEngineApi.InspectContainer(engine, name, CancellationToken.None));
            Assert.False(await DockerEngineApi.Remove(engine, name, force: true, CancellationToken.None));
            Assert.False(await DockerEngineApi.SetRestartPolicy(engine, name, "no", CancellationToken.None));
        }
        finally
        {
            await DockerEngineApi.Remove(engine, name, force: true, CancellationToken.None);
        }
    }

    [LocalPlatformFact]
    public async Task A_refusal_is_the_engine_s_own_message_in_one_line()
    {
        var run = new DockerRun(images.First.ToString(), name) { Network = "host", Environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:1" } };
        try
        {
            await DockerEngineApi.Run(engine, run, CancellationToken.None);

            var again = await Assert.ThrowsAsync<InvalidOperationException>(() => DockerEngineApi.Run(engine, run, CancellationToken.None));

            Assert.StartsWith($"Could not start container {name} from {images.First} on {engine}: Conflict. The container name \"/{name}\" is already in use", again.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', again.Message);
            Assert.DoesNotContain("--help", again.Message, StringComparison.Ordinal);
        }
        finally
        {
            await DockerEngineApi.Remove(engine, name, force: true, CancellationToken.None);
        }
    }

    [LocalPlatformFact]
    public async Task The_last_lines_of_a_container_s_output_are_read_from_both_streams()
    {
        try
        {
            // The service exits at once on a bad listening address, saying why on its output.
            var run = new DockerRun(images.First.ToString(), name) { Network = "host", Environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "not-a-url" } };
            await DockerEngineApi.Run(engine, run, CancellationToken.None);
            for (var look = 0; look < 100 && (await DockerEngineApi.InspectContainer(engine, name, CancellationToken.None))!.IsRunning; look++)
                await Task.Delay(100);

            var all = await DockerEngineApi.Logs(engine, name, 500, CancellationToken.None);
            var last = await DockerEngineApi.Logs(engine, name, 5, CancellationToken.None);

            Assert.Contains(all, line => line.Contains("not-a-url", StringComparison.Ordinal));
            Assert.Equal(all.TakeLast(5), last);
        }
        finally
        {
            await DockerEngineApi.Remove(engine, name, force: true, CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_unknown_restart_policy_is_refused_before_the_engine_is_asked()
    {
        var run = new DockerRun("localhost/none", name) { Restart = "sometimes" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => DockerEngineApi.Run(new DockerEngine("unix:///nonexistent.sock"), run, CancellationToken.None));

        Assert.StartsWith("'sometimes' is not a Docker restart policy", error.Message, StringComparison.Ordinal);
    }
}
