using System.Net;
using System.Net.Sockets;

namespace BuildTests.Delivery.Local;

/// <summary>What stops the platform before it changes anything: one line naming what and where.</summary>
public sealed class BadInputTests
{
    [RequiresToolFact("docker")]
    public async Task A_Docker_engine_that_does_not_answer_is_one_line_and_nothing_is_started()
    {
        var socket = $"unix:///tmp/missing-{Guid.NewGuid():N}.sock";
        await using var environment = new LocalEnvironment(settings => settings with { Docker = new DockerEngine(socket) });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => environment.Platform.CheckReachableAsync(CancellationToken.None));

        Assert.StartsWith($"Docker engine at {socket} not reachable: no such socket {socket["unix://".Length..]} (is the engine running?", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(environment.StateDirectory)); // no router started
    }

    [LocalPlatformFact]
    public async Task A_router_that_cannot_start_is_one_line_naming_the_port_and_nothing_else_changes()
    {
        await using var environment = new LocalEnvironment();
        using var squatter = new TcpListener(IPAddress.Loopback, environment.Settings.PublicPort);
        squatter.Start();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => environment.Platform.CheckReachableAsync(CancellationToken.None));

        Assert.StartsWith($"HAProxy for {environment.Settings.Name} could not start ({environment.StateDirectory}/haproxy.cfg): [ALERT]", error.Message, StringComparison.Ordinal);
        Assert.Contains($"[127.0.0.1:{environment.Settings.PublicPort}]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(environment.StateDirectory / "state.json"));
        Assert.Null(await DockerEngineApi.InspectContainer(environment.Settings.Docker, environment.Settings.ContainerName(Color.Blue), CancellationToken.None));
    }
}
