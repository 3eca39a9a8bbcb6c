using System.Net.Http.Json;
using App.Versioning;

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

    [Fact]
    public async Task Version_falls_back_to_defaults_when_nothing_is_configured()
    {
        await using var app = new AppFactory(new Dictionary<string, string?>());

        var version = await app.CreateClient().GetFromJsonAsync<VersionInfo>(new Uri("/version", UriKind.Relative));

        Assert.Equal(new VersionInfo("dev", "unknown", "none"), version);
    }
}
