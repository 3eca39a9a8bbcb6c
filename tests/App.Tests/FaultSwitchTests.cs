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

        Assert.Equal("APP_FAULT must be 'unhealthy' or 'errors' (or unset), not 'slow'.", error.Message);
    }
}
