using System.Diagnostics;

namespace BuildTests.Cli;

/// <summary>
/// Runs a compiled build (_build.dll, or the fixture build beside it) as its own process, in a temporary root, as a
/// user would.
/// </summary>
internal sealed class CompiledBuild(string assembly = "_build.dll") : IDisposable
{
    public string Root { get; } = CreateRoot();

    /// <summary>How long a run may take: a build that publishes the service and builds its image takes minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    public async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        using var process = Process.Start(StartInfo("dotnet", [], environment, args))!;
        return await WaitAsync(process, Timeout);
    }

    /// <summary>Through bash, for what only a shell can set up: <c>exec "$@" &gt;&amp;-</c> runs the build with its output closed.</summary>
    public async Task<(int ExitCode, string Output)> RunInShellAsync(string script, params string[] args)
    {
        using var process = Process.Start(StartInfo("bash", ["-c", script, "bash", "dotnet"], null, args))!;
        return await WaitAsync(process, Timeout);
    }

    /// <summary>
    /// In a process group of its own, as a terminal runs a command: a signal sent to the group reaches the build and every
    /// tool it started, as Ctrl-C does. SIGINT is reset to its default first: a test run started in the background of a
    /// script inherits it ignored. The group is made by setpgid (perl's setpgrp, then exec), not by setsid: a new session
    /// would also be a new scope for named mutexes, and the coverage collector's hits files, shared by every instrumented
    /// build a test starts, are guarded by one, so a build in another session exiting beside one in the test's session
    /// wrote the same file at once and aborted (exit 134). The build is exec'd, so its pid is the process's. Read it with WaitAsync.
    /// </summary>
    public Process StartInOwnProcessGroup(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Process.Start(StartInfo("env", ["--default-signal=INT", "perl", "-e", "setpgrp(0, 0) or die \"setpgrp: $!\"; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\"", "dotnet"], environment, args))!;

    /// <summary>The exit code, and standard output followed by standard error.</summary>
    public static async Task<(int ExitCode, string Output)> WaitAsync(Process process, TimeSpan? timeout = null)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            // A build left running would go on using the machine (and the engine) after its test failed.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await errors);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "compiled-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        return root;
    }

    private ProcessStartInfo StartInfo(string executable, string[] before, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in before.Append(Path.Combine(AppContext.BaseDirectory, assembly)).Concat(args))
            start.ArgumentList.Add(argument);
        // The test run itself may be on CI or GitHub: the build under test must not inherit that.
        foreach (var name in new[] { "GITHUB_ACTIONS", "NUKE_ROOT_DIRECTORY", "CONFIGURATION", "Configuration" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return start;
    }
}
