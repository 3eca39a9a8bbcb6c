using BuildTests.Architecture;
using BuildTests.Cli;

namespace BuildTests.Delivery.LiveView;

/// <summary>
/// Start-up: Spectre.Console is loaded only to draw the live table, never for --help (a deploy redirected is in
/// <see cref="LiveViewInTerminalTests"/>); for that it is used by one class, which only the live view reaches.
/// </summary>
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

    [Fact]
    public void Spectre_Console_is_used_by_the_table_s_drawing_alone()
    {
        var build = FolderDependencies.Of(TestPaths.RepositoryRoot / "build");

        // Spectre.Console.Ansi too: the package keeps its styles there.
        var users = build.Assemblies.Where(a => a.Key.StartsWith("Spectre.Console", StringComparison.Ordinal)).SelectMany(a => a.Value).Distinct().ToList();

        Assert.Equal(["Delivery/LiveView/BoardTable.cs"], users);
    }
}
