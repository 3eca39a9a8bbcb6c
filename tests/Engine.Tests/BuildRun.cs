using Engine.Running;

namespace Engine.Tests;

/// <summary>Runs a test build in-process against a temporary root and captures everything it printed.</summary>
internal sealed class BuildRun : IDisposable
{
    public BuildRun() => Directory.CreateDirectory(Path.Combine(Root, ".nuke"));

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "engine-tests-" + Guid.NewGuid().ToString("N"));

    public string Output { get; private set; } = "";

    /// <summary>Environment variables this run sees on top of the process's, without touching the process.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public void WriteParameters(string fileName, string json) => File.WriteAllText(Path.Combine(Root, ".nuke", fileName), json);

    public int Run(BuildBase build, params string[] args) => Run(build, null, args);

    public int Run(BuildBase build, Func<BuildBase, Target?>? defaultTarget, params string[] args)
    {
        using var writer = new StringWriter();
        var code = BuildHost.Run(build, [.. args, "--root", Root], defaultTarget ?? (_ => null), writer, redirectConsole: false,
            name => Environment.TryGetValue(name, out var value) ? value : System.Environment.GetEnvironmentVariable(name), CancellationToken.None);
        Output = writer.ToString();
        return code;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
