using System.Net;
using App.Configuration;
using App.Faults;
using Microsoft.AspNetCore.Builder;

namespace App.Tests;

/// <summary>APP_FAULT: the failures the delivery tests rely on, real HTTP answers from the service, and nothing when unset.</summary>
public sealed class FaultSwitchTests
{
    [Theory]
    [InlineData(null, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("unhealthy", HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK)]
    [InlineData("errors", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError)]
    public async Task The_fault_decides_what_readiness_and_the_other_endpoints_answer(string? fault, HttpStatusCode live, HttpStatusCode ready, HttpStatusCode version)
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { [FaultSwitch.Variable] = fault });
        using var client = app.CreateClient();

        Assert.Equal(live, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(ready, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(version, (await client.GetAsync(new Uri("/version", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void An_unknown_fault_is_a_setting_to_fix()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[FaultSwitch.Variable] = "slow";
        var app = builder.Build();

        var error = Assert.Throws<InvalidSettingException>(() => app.UseFaultWhenSet());

        Assert.Equal("APP_FAULT must be 'unhealthy', 'errors' or 'errors-after:<requests>' (or unset), not 'slow'.", error.Message);
    }

    [Fact]
    public async Task Errors_after_serves_its_first_requests_then_answers_500_to_all_but_health()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { [FaultSwitch.Variable] = "errors-after:2" });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/version", "/health/ready", "/version", "/version", "/health/live", "/version" })
            statuses.Add((await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.InternalServerError], statuses);
    }

    [Theory]
    [InlineData("errors-after:")]
    [InlineData("errors-after:-1")]
    [InlineData("errors-after:many")]
    public void Errors_after_needs_a_number_of_requests(string fault)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[FaultSwitch.Variable] = fault;
        var app = builder.Build();

        var error = Assert.Throws<InvalidSettingException>(() => app.UseFaultWhenSet());

        Assert.Equal($"APP_FAULT '{fault}': expected errors-after:<number of requests served before the errors>, such as errors-after:3.", error.Message);
    }
}
