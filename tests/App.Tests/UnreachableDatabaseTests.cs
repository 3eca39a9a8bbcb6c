using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using TestSupport;

namespace App.Tests;

/// <summary>A configured database that refuses connections: the service must still start and say why it is not ready.</summary>
public sealed class UnreachableDatabaseTests(UnreachableDatabaseTests.App app) : IClassFixture<UnreachableDatabaseTests.App>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task Live_still_returns_200()
    {
        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_returns_503_with_the_reason()
    {
        var (status, body) = await Readiness.GetAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body.GetProperty("status").GetString());
        Assert.StartsWith("database: unreachable", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_never_shows_the_password()
    {
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(App.Password, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_return_503_problem_details()
    {
        var response = await client.GetAsync(new Uri("/notes", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("The database is unavailable", problem?.Title);
    }

    public sealed class App() : AppFactory(new Dictionary<string, string?>
    {
        ["DATABASE_URL"] = $"postgres://notes:{Password}@127.0.0.1:{ClosedPort.Find()}/notes",
    })
    {
        public const string Password = "s3cret-never-shown";
    }
}
