using Engine;

namespace Pipeline.Tools;

/// <summary>
/// Typed calls of the git CLI in one working copy, as NUKE's GitTasks: one method per command the pipeline uses.
/// Each failure has one style: where no repository can be read is an answer, from <see cref="FindAsync"/>; a question
/// whose answer may be absent (a detached HEAD, no such revision, remote, tag or setting) returns null; any other
/// failure of git throws <see cref="ToolException"/>. Queries (fetch among them: the inspection reads its result) run
/// quietly; commands that change the repository or the remote stream their output to the log.
/// </summary>
internal sealed class Git(string workingDirectory)
{
    /// <summary>Separate fields and records in formatted output: control characters refs cannot hold and messages do not.</summary>
    private const char FieldSeparator = '\x1f';
    private const char RecordSeparator = '\x1e';

    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>
    /// The working copy <paramref name="directory"/> lies in, or null where none can be read: no checkout there, or git
    /// not installed, which leaves as little to read. For callers to which that is an answer (an image's stamp, a
    /// check with nothing to compare); a caller that needs a repository constructs one, and its first command fails.
    /// </summary>
    public static async Task<Git?> FindAsync(string directory, CancellationToken cancellation)
    {
        var git = new Git(directory);
        try
        {
            return (await git.RunUncheckedAsync(["rev-parse", "--is-inside-work-tree"], cancellation)).ExitCode == 0 ? git : null;
        }
        catch (ToolException)
        {
            return null; // git could not be started
        }
    }

    /// <summary>The checked-out branch, or null when HEAD is detached.</summary>
    public async Task<string?> CurrentBranchAsync(CancellationToken cancellation)
    {
        var result = await RunUncheckedAsync(["symbolic-ref", "--short", "-q", "HEAD"], cancellation);
        return result.ExitCode == 0 ? Single(result) : null;
    }

    /// <summary>Changed and staged paths, and untracked (not ignored) ones when asked for: empty means a clean tree.</summary>
    public async Task<IReadOnlyList<string>> ChangedPathsAsync(bool includeUntracked, CancellationToken cancellation) =>
        (await QueryAsync(["status", "--porcelain", .. includeUntracked ? [] : new[] { "--untracked-files=no" }], cancellation))
            .Where(l => l.Length > 3).Select(l => l[3..]).ToList();

    /// <summary>
    /// Whether untracked files (not ignored) lie under <paramref name="paths"/>, outside folders named in
    /// <paramref name="skippedFolders"/> (build output a repository without a .gitignore would list).
    /// </summary>
    public async Task<bool> HasUntrackedFilesAsync(IEnumerable<AbsolutePath> paths, IEnumerable<string> skippedFolders, CancellationToken cancellation)
    {
        var here = new AbsolutePath(WorkingDirectory);
        var pathspecs = paths.Select(p => p.RelativeTo(here)).Concat(skippedFolders.Select(folder => $":(exclude,glob)**/{folder}/**"));
        return (await QueryAsync(["ls-files", "--others", "--exclude-standard", "--", .. pathspecs], cancellation)).Count > 0;
    }

    public async Task<string> HeadAsync(CancellationToken cancellation) => Single(await RunQueryAsync(["rev-parse", "HEAD"], cancellation));

    /// <summary>The commit a revision names, or null when it does not exist.</summary>
    public async Task<string?> TryResolveAsync(string revision, CancellationToken cancellation)
    {
        var result = await RunUncheckedAsync(["rev-parse", "--verify", "-q", revision + "^{commit}"], cancellation);
        return result.ExitCode == 0 ? Single(result) : null;
    }

    /// <summary><c>git describe --tags</c> (e.g. v1.2.0-3-gabc1234), or null when no tag describes HEAD (or it has no commit yet).</summary>
    public async Task<string?> DescribeTagsAsync(CancellationToken cancellation)
    {
        var result = await RunUncheckedAsync(["describe", "--tags"], cancellation);
        return result.ExitCode == 0 ? Single(result) : null;
    }

    public async Task<bool> IsShallowAsync(CancellationToken cancellation) =>
        Single(await RunQueryAsync(["rev-parse", "--is-shallow-repository"], cancellation)) == "true";

    /// <summary>The remote's URL, or null when there is no such remote.</summary>
    public async Task<string?> RemoteUrlAsync(string remote, CancellationToken cancellation)
    {
        var result = await RunUncheckedAsync(["remote", "get-url", remote], cancellation);
        return result.ExitCode == 0 ? Single(result) : null;
    }

    /// <summary>
    /// Fetches the remote's branches and all its tags (on a shallow clone the whole history too). Never --prune: with
    /// --tags it would delete local tags the remote lacks, such as a release tag an interrupted run made.
    /// </summary>
    public Task<ToolResult> FetchAsync(string remote, bool unshallow, CancellationToken cancellation) =>
        RunUncheckedAsync(["fetch", "--quiet", "--tags", .. unshallow ? new[] { "--unshallow" } : [], remote], cancellation);

    public async Task<int> CountCommitsAsync(string range, CancellationToken cancellation) =>
        int.Parse(Single(await RunQueryAsync(["rev-list", "--count", range], cancellation)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Tags matching a pattern with the commit each points to (annotated tags peeled).</summary>
    public async Task<IReadOnlyList<(string Name, string Commit)>> TagsAsync(string pattern, bool reachableFromHead, CancellationToken cancellation)
    {
        var lines = await QueryAsync(
            ["for-each-ref", .. reachableFromHead ? new[] { "--merged", "HEAD" } : [], $"--format=%(refname:strip=2){FieldSeparator}%(objectname){FieldSeparator}%(*objectname)", $"refs/tags/{pattern}"],
            cancellation);
        return lines.Select(l => l.Split(FieldSeparator)).Select(f => (f[0], f[2].Length > 0 ? f[2] : f[1])).ToList();
    }

    /// <summary>Commits in a range (e.g. "v1.2.0..HEAD", or "HEAD" for all), newest first, merge commits left out.</summary>
    public async Task<IReadOnlyList<(string Sha, string Subject, string Body)>> LogAsync(string range, CancellationToken cancellation)
    {
        var lines = await QueryAsync(["log", "--no-merges", $"--format=%H{FieldSeparator}%s{FieldSeparator}%b{RecordSeparator}", range], cancellation);
        return string.Join('\n', lines).Split(RecordSeparator)
            .Select(r => r.TrimStart('\n').Split(FieldSeparator))
            .Where(f => f.Length == 3)
            .Select(f => (f[0], f[1], f[2].Trim()))
            .ToList();
    }

    /// <summary>Whether the remote has the ref (e.g. refs/tags/v1.2.0), asked over the network.</summary>
    public async Task<bool> RemoteHasRefAsync(string remote, string reference, CancellationToken cancellation) =>
        (await RunQueryAsync(["ls-remote", remote, reference], cancellation)).Output.Any(l => l.EndsWith(reference, StringComparison.Ordinal));

    /// <summary>A setting's value, or null when it is not set.</summary>
    public async Task<string?> ConfigAsync(string key, CancellationToken cancellation)
    {
        var result = await RunUncheckedAsync(["config", "--get", key], cancellation);
        return result.ExitCode == 0 ? Single(result) : null;
    }

    public Task CommitAsync(string path, string message, IReadOnlyList<string> identity, CancellationToken cancellation) =>
        RunCommandsAsync(cancellation, ["add", "--", path], [.. identity, "commit", "--quiet", "-m", message]);

    public Task TagAsync(string tag, string message, IReadOnlyList<string> identity, CancellationToken cancellation) =>
        RunCommandsAsync(cancellation, [.. identity, "tag", "--annotate", "--cleanup=verbatim", "-m", message, tag]);

    /// <summary>Pushes the refspecs all or none (--atomic): a release commit never lands without its tag.</summary>
    public Task PushAtomicAsync(string remote, IReadOnlyList<string> refspecs, CancellationToken cancellation) =>
        RunCommandsAsync(cancellation, ["push", "--atomic", remote, .. refspecs]);

    private async Task RunCommandsAsync(CancellationToken cancellation, params string[][] commands)
    {
        foreach (var arguments in commands)
            await ToolRunner.RunAsync(Invocation(arguments, logOutput: true), cancellation);
    }

    private async Task<IReadOnlyList<string>> QueryAsync(string[] arguments, CancellationToken cancellation) =>
        (await RunQueryAsync(arguments, cancellation)).Output;

    private Task<ToolResult> RunQueryAsync(string[] arguments, CancellationToken cancellation) =>
        ToolRunner.RunAsync(Invocation(arguments, logOutput: false), cancellation);

    private Task<ToolResult> RunUncheckedAsync(string[] arguments, CancellationToken cancellation) =>
        ToolRunner.RunUncheckedAsync(Invocation(arguments, logOutput: false), cancellation);

    // No prompts (a CI job would hang on one) and untranslated messages, which the refusals quote.
    private ToolInvocation Invocation(string[] arguments, bool logOutput) => new("git", arguments)
    {
        WorkingDirectory = WorkingDirectory,
        LogOutput = logOutput,
        Environment = new Dictionary<string, string?> { ["GIT_TERMINAL_PROMPT"] = "0", ["LC_ALL"] = "C" },
    };

    private static string Single(ToolResult result) => result.Output.Count > 0 ? result.Output[0].Trim() : "";
}
