using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Engine;

namespace BuildTests.Release;

/// <summary>
/// @octokit/fixtures-server (npm), which replays recorded real GitHub API exchanges, on 127.0.0.1: one server for
/// the test run, started on first use (npm ci first when node_modules is missing), a fresh copy of a scenario per
/// test. Scenarios: github-fixtures/server.mjs.
/// </summary>
public sealed class GitHubFixtures : IDisposable
{
    /// <summary>The token the recordings were normalized to: the server answers only requests that send it.</summary>
    public const string Token = "0000000000000000000000000000000000000001";

    private static readonly AbsolutePath Directory = TestPaths.ProjectDirectory / "Release" / "github-fixtures";
    private readonly Lazy<(Process Process, Uri Address)> server = new(Start);
    private readonly HttpClient http = new();

    /// <summary>The API base URL of a fresh copy of the scenario, to pass as the GitHub API URL.</summary>
    public async Task<Uri> LoadAsync(string scenario)
    {
        using var response = await http.PostAsJsonAsync(new Uri(server.Value.Address, "fixtures"), new { scenario });
        response.EnsureSuccessStatusCode();
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        return new Uri(url.TrimEnd('/') + "/");
    }

    public void Dispose()
    {
        http.Dispose();
        if (!server.IsValueCreated)
            return;
        var process = server.Value.Process;
        process.StandardInput.Close(); // server.mjs exits when its input ends
        if (!process.WaitForExit(5000))
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private static (Process, Uri) Start()
    {
        NodePackages.EnsureInstalled(Directory, "@octokit/fixtures-server");
        var start = new ProcessStartInfo("node", ["server.mjs"])
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var first = process.StandardOutput.ReadLineAsync();
        if (!first.Wait(TimeSpan.FromSeconds(60)) || first.Result is not { } line || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The GitHub fixtures server did not start: {(first.IsCompleted ? first.Result : "no answer in 60 s")} {errors.Result}");
        }

        return (process, new Uri($"http://127.0.0.1:{line["listening ".Length..].Trim()}/"));
    }
}

/// <summary>The tests that share one fixtures server.</summary>
[CollectionDefinition(Name)]
public sealed class GitHubFixturesCollection : ICollectionFixture<GitHubFixtures>
{
    public const string Name = "GitHub fixtures server";
}
