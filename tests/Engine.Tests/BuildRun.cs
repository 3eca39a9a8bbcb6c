using System.Text;
using Engine.Running;

namespace Engine.Tests;

/// <summary>Runs a test build in-process against a temporary root and captures everything it printed.</summary>
internal sealed class BuildRun : IDisposable
{
    public BuildRun() => Directory.CreateDirectory(Path.Combine(Root, ".nuke"));

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "engine-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Standard output and standard error together, in the order written.</summary>
    public string Output { get; private set; } = "";

    /// <summary>What went to standard error alone.</summary>
    public string Errors { get; private set; } = "";

    /// <summary>Environment variables this run sees on top of the process's, without touching the process.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Installs the redacting console for the run, as a real process does: only in tests that do not run in parallel.</summary>
    public bool RedirectConsole { get; init; }

    /// <summary>Runs as on a GitHub Actions runner, with the file it names in <paramref name="variable"/> (GITHUB_OUTPUT …) in the root; returns the file's path.</summary>
    public string OnGitHub(string variable)
    {
        var file = Path.Combine(Root, variable);
        Environment["GITHUB_ACTIONS"] = "true";
        Environment[variable] = file;
        return file;
    }

    public void WriteParameters(string fileName, string json) => File.WriteAllText(Path.Combine(Root, ".nuke", fileName), json);

    public int Run(BuildBase build, params string[] args) => Run(build, null, args);

    public int Run(BuildBase build, Func<BuildBase, Target?>? defaultTarget, params string[] args)
    {
        var combined = new StringBuilder();
        using var output = new CapturingWriter(combined);
        using var errors = new CapturingWriter(combined);
        var code = BuildHost.Run(build, [.. args, "--root", Root], defaultTarget ?? (_ => null), output, RedirectConsole,
            name => Environment.TryGetValue(name, out var value) ? value : System.Environment.GetEnvironmentVariable(name), CancellationToken.None, errors);
        Output = combined.ToString();
        Errors = errors.ToString();
        return code;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }

    /// <summary>Keeps its own text and appends to the shared, ordered record of both streams.</summary>
    private sealed class CapturingWriter(StringBuilder combined) : StringWriter
    {
        public override void Write(char value)
        {
            base.Write(value);
            lock (combined)
                combined.Append(value);
        }

        public override void Write(string? value)
        {
            base.Write(value);
            lock (combined)
                combined.Append(value);
        }
    }
}
