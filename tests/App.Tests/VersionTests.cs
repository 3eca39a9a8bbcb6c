using System.Net.Http.Json;
using App.Versioning;
using Microsoft.Extensions.Configuration;

namespace App.Tests;

public sealed class VersionTests
{
    [Fact]
    public async Task Version_reports_the_configured_version_commit_and_color()
    {
        await using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["APP_VERSION"] = "1.4.2",
            ["APP_COMMIT"] = "0a1b2c3",
            ["APP_COLOR"] = "green",
        });

        var version = await app.CreateClient().GetFromJsonAsync<VersionInfo>(new Uri("/version", UriKind.Relative));

        Assert.Equal(new VersionInfo("1.4.2", "0a1b2c3", "green"), version);
    }

    /// <summary>The test build of the service is not stamped (App.csproj): no informational version, so "dev".</summary>
    [Fact]
    public async Task Version_falls_back_to_defaults_when_nothing_is_configured_or_stamped()
    {
        await using var app = new AppFactory(new Dictionary<string, string?>());

        var version = await app.CreateClient().GetFromJsonAsync<VersionInfo>(new Uri("/version", UriKind.Relative));

        Assert.Equal(new VersionInfo("dev", "unknown", "none"), version);
        Assert.Equal(new AssemblyStamp(null, null), AssemblyStamp.Of(typeof(VersionInfo).Assembly));
    }

    [Fact]
    public void Without_APP_VERSION_and_APP_COMMIT_the_version_is_the_assemblys_informational_version()
    {
        var stamped = AssemblyStamp.Parse("1.4.2+0a1b2c3-dirty");

        Assert.Equal(new VersionInfo("1.4.2", "0a1b2c3-dirty", "none"), VersionInfo.FromConfiguration(Configuration(), stamped));
        Assert.Equal(new VersionInfo("1.4.2", "unknown", "none"), VersionInfo.FromConfiguration(Configuration(), AssemblyStamp.Parse("1.4.2")));
        Assert.Equal(
            new VersionInfo("1.5.0", "ffffff", "blue"),
            VersionInfo.FromConfiguration(Configuration(("APP_VERSION", "1.5.0"), ("APP_COMMIT", "ffffff"), ("APP_COLOR", "blue")), stamped));
        Assert.Equal(new VersionInfo("1.4.2", "0a1b2c3-dirty", "none"), VersionInfo.FromConfiguration(Configuration(("APP_VERSION", " "), ("APP_COMMIT", "")), stamped));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("  ", null, null)]
    [InlineData("0.1.0", "0.1.0", null)]
    [InlineData("0.1.0-rc.1+4f1c2e9a", "0.1.0-rc.1", "4f1c2e9a")]
    [InlineData("1.2.3+", "1.2.3", null)]
    public void The_informational_version_is_the_version_then_the_commit_after_a_plus(string? informational, string? version, string? commit) =>
        Assert.Equal(new AssemblyStamp(version, commit), AssemblyStamp.Parse(informational));

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
