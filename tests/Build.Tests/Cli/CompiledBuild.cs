using System.Diagnostics;

namespace BuildTests.Cli;

/// <summary>Runs the compiled build (_build.dll) as its own process, in a temporary root, as a user would.</summary>
internal sealed class CompiledBuild : IDisposable
{
    public CompiledBuild() => Directory.CreateDirectory(Path.Combine(Root, ".nuke"));

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "compiled-build-" + Guid.NewGuid().ToString("N"));

    public async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "_build.dll"));
        foreach (var argument in args)
            start.ArgumentList.Add(argument);
        // The test run itself may be on CI or GitHub: the build under test must not inherit that.
        foreach (var name in new[] { "GITHUB_ACTIONS", "NUKE_ROOT_DIRECTORY", "CONFIGURATION", "Configuration" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
