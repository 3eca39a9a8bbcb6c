using System.Net.Http.Json;
using System.Text.Json;
using TestSupport;

namespace BuildTests.Images;

/// <summary>
/// An image of the service running as a container on the host's network (the engine has no bridge), on a free port of
/// 127.0.0.1, without a database: /version and the health endpoints need none. Removed on dispose.
/// </summary>
internal sealed class ServiceContainer : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private readonly string id;
    private readonly HttpClient client;

    private ServiceContainer(string id, int port)
    {
        this.id = id;
        client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <param name="environment">Variables for `docker run -e`, as a deploy sets them.</param>
    public static ServiceContainer Start(string image, IReadOnlyDictionary<string, string> environment)
    {
        var port = ClosedPort.Find();
        string[] variables = [$"ASPNETCORE_URLS=http://127.0.0.1:{port}", .. environment.Select(e => $"{e.Key}={e.Value}")];
        var id = FixtureImage.Docker(["run", "--detach", "--network", "host", .. variables.SelectMany(v => new[] { "--env", v }), image]);
        return new ServiceContainer(id, port);
    }

    /// <summary>/version's answer, once the service listens; the container's log when it stops or never answers.</summary>
    public async Task<JsonElement> VersionAsync()
    {
        var deadline = DateTime.UtcNow + StartDeadline;
        while (true)
        {
            try
            {
                return await client.GetFromJsonAsync<JsonElement>(new Uri("version", UriKind.Relative));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && IsRunning())
            {
                await Task.Delay(250);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new InvalidOperationException($"The service in container {id[..12]} did not answer /version ({e.Message}); its log:\n{FixtureImage.Docker("logs", id)}", e);
            }
        }
    }

    private bool IsRunning() => FixtureImage.Docker("inspect", "--format", "{{.State.Running}}", id) == "true";

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        FixtureImage.Docker("rm", "--force", id);
        return ValueTask.CompletedTask;
    }
}
