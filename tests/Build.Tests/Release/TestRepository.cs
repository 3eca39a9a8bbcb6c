using System.Diagnostics;

namespace BuildTests.Release;

/// <summary>
/// A real git repository made for a test, on branch main, with a bare repository as its remote origin (a file://
/// URL, so shallow clones work). The machine's global git configuration is not read: commit signing or hooks set
/// there cannot change a test.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    /// <summary>For git run by the build under test as well.</summary>
    public static readonly IReadOnlyDictionary<string, string> IsolatedEnvironment = new Dictionary<string, string>
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_TERMINAL_PROMPT"] = "0",
    };

    private int changes;

    /// <param name="root">The working copy's folder (e.g. a compiled build's root); a new one when null.</param>
    public TestRepository(string? root = null)
    {
        Root = root ?? Directory.CreateTempSubdirectory("release-repo-").FullName;
        Remote = Directory.CreateTempSubdirectory("release-remote-").FullName;
        Run(Remote, "init", "--quiet", "--bare", "--initial-branch=main");
        Git("init", "--quiet", "--initial-branch=main");
        Git("config", "user.name", "Test Author");
        Git("config", "user.email", "author@example.com");
        Git("remote", "add", "origin", RemoteUrl);
        // A build root, also in clones; what a build run writes must not make the tree dirty.
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
        File.WriteAllText(Path.Combine(Root, ".nuke", "parameters.json"), "{}\n");
        File.WriteAllText(Path.Combine(Root, ".gitignore"), "artifacts/\n.nuke/temp/\n.nuke/build.schema.json\n");
        Commit("chore: start");
    }

    public string Root { get; }
    public string Remote { get; }
    public string RemoteUrl => "file://" + Remote;

    /// <summary>Commits a change with the message (subject, blank line, body as given); returns the commit.</summary>
    public string Commit(string message)
    {
        File.AppendAllText(Path.Combine(Root, "changes.txt"), $"change {++changes}\n");
        Git("add", "--all");
        Git("commit", "--quiet", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    public void Tag(string name) => Git("tag", "--annotate", "-m", name, name);

    public void Push() => Git("push", "--quiet", "--tags", "origin", "main");

    public string Git(params string[] arguments) => Run(Root, arguments);

    public string RemoteGit(params string[] arguments) => Run(Remote, arguments);

    /// <summary>HEAD, status, local tags and the remote's refs: equal before and after means nothing changed.</summary>
    public string State() =>
        string.Join("\n", Git("rev-parse", "HEAD"), Git("status", "--porcelain"), Git("tag", "--list"), RemoteGit("for-each-ref"));

    public void Dispose()
    {
        foreach (var directory in new[] { Root, Remote }.Where(Directory.Exists))
            Directory.Delete(directory, recursive: true);
    }

    public static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in IsolatedEnvironment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed in {directory}: {errors.Result}");
    }
}
