using BuildTests.Cli;

namespace BuildTests.Delivery.LiveView;

/// <summary>Start-up: Spectre.Console is loaded only to draw the live table, never for --help (a deploy redirected is in <see cref="LiveViewInTerminalTests"/>).</summary>
public sealed class SpectreLoadingTests
{
    [Fact]
    public async Task Help_does_not_load_Spectre_Console()
    {
        using var build = new CompiledBuild();
        var loads = new AssemblyLoadTrace(Path.Combine(build.Root, "loads.nettrace"));

        var (code, output) = await build.RunAsync(loads.Variables, "--help");

        Assert.True(code == 0, output);
        Assert.False(loads.Loaded("Spectre.Console"), "--help loaded Spectre.Console");
    }
}
