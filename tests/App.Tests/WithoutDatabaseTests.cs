using System.Net;
using System.Net.Http.Json;
using App.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace App.Tests;

public sealed class WithoutDatabaseTests(WithoutDatabaseTests.App app) : IClassFixture<WithoutDatabaseTests.App>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task Live_returns_200()
    {
        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_returns_200_because_there_is_no_database_to_wait_for()
    {
        var (status, body) = await Readiness.GetAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("not configured", body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("GET", "/notes")]
    [InlineData("GET", "/notes/1")]
    [InlineData("POST", "/notes")]
    public async Task Notes_return_503_problem_details_saying_no_database_is_configured(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { title = "t", body = "b" });
        }

        var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No database is configured", problem?.Title);
        Assert.Contains("DATABASE_URL", problem?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_probe_is_not_mapped_unless_enabled()
    {
        var response = await client.GetAsync(new Uri(ShutdownProbeEndpoint.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public sealed class App() : AppFactory(new Dictionary<string, string?>());
}
