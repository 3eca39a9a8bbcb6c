using Engine;

/// <summary>
/// Typed calls of the git CLI in one working copy, as NUKE's GitTasks: one method per command the pipeline uses.
/// Queries (fetch among them: the inspection reads its result) run quietly; commands that change the repository or
/// the remote stream their output to the log.
/// </summary>
internal sealed class Git(string workingDirectory)
{
    /// <summary>Separate fields and records in formatted output: control characters refs cannot hold and messages do not.</summary>
    private const char FieldSeparator = '\x1f';
    private const char RecordSeparator = '\x1e';

    public string WorkingDirectory { get; } = workingDirectory;

    public async Task<bool> IsRepositoryAsync(CancellationToken cancellation) =>
        (await RunUncheckedAsync(["rev-parse", "--is-inside-work-tree"], cancellation)).ExitCode == 0;

    /// <summary>The checked-out branch, or null when HEAD is detached.</summary>
    public async Task<string?> CurrentBranchAsync(CancellationToken cancellation)
    {
        var result = await RunUncheckedAsync(["symbolic-ref", "--short", "-q", "HEAD"], cancellation);
        return result.ExitCode == 0 ? Single(result) : null;
    }

    /// <summary>Changed, staged and untracked (not ignored) paths: empty means a clean tree.</summary>
    public async Task<IReadOnlyList<string>> ChangedPathsAsync(CancellationToken cancellation) =>
        (await QueryAsync(["status", "--porcelain"], cancellation)).Where(l => l.Length > 3).Select(l => l[3..]).ToList();

    public async Task<string> HeadAsync(CancellationToken cancellation) => Single(await RunQueryAsync(["rev-parse", "HEAD"], cancellation));

    /// <summary>The commit a revision names, or null when it does not exist.</summary>
    public async Task<string?> TryResolveAsync(string revision, CancellationToken cancellation)
    {
        var result = await RunUncheckedAsync(["rev-parse", "--verify", "-q", revision + "^{commit}"], cancellation);
        return result.ExitCode == 0 ? Single(result) : null;
    }

    public async Task<bool> IsShallowAsync(CancellationToken cancellation) =>
        Single(await RunQueryAsync(["rev-parse", "--is-shallow-repository"], cancellation)) == "true";

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

    // Static queries for readers that only look (the image's labels and tags): null where the folder is no checkout.

    /// <summary>The full id of HEAD, or null.</summary>
    public static async Task<string?> Commit(AbsolutePath repository, CancellationToken cancellation) =>
        await Read(repository, ["rev-parse", "HEAD"], cancellation);

    /// <summary><c>git describe --tags</c> (e.g. v1.2.0-3-gabc1234), or null without a tag.</summary>
    public static async Task<string?> DescribeTags(AbsolutePath repository, CancellationToken cancellation) =>
        await Read(repository, ["describe", "--tags"], cancellation);

    /// <summary>Whether tracked files differ from HEAD: a commit tag on such a build would name code it was not built from.</summary>
    public static async Task<bool> HasUncommittedChanges(AbsolutePath repository, CancellationToken cancellation) =>
        await Read(repository, ["status", "--porcelain", "--untracked-files=no"], cancellation) is { Length: > 0 };

    /// <summary>
    /// Whether untracked files (not ignored) lie under <paramref name="paths"/>, outside folders named in
    /// <paramref name="skippedFolders"/> (build output a repository without a .gitignore would list): a new source file
    /// changes what is built from them as much as an edited one, though git status --untracked-files=no does not list it.
    /// </summary>
    public static async Task<bool> HasUntrackedFiles(AbsolutePath repository, IEnumerable<AbsolutePath> paths, IEnumerable<string> skippedFolders, CancellationToken cancellation) =>
        await Read(
            repository,
            ["ls-files", "--others", "--exclude-standard", "--", .. paths.Select(p => p.RelativeTo(repository)), .. skippedFolders.Select(folder => $":(exclude,glob)**/{folder}/**")],
            cancellation) is { Length: > 0 };

    /// <summary>The remote's URL as a browsable https address (for the OCI source label), or null.</summary>
    public static async Task<string?> OriginUrl(AbsolutePath repository, CancellationToken cancellation) =>
        await Read(repository, ["remote", "get-url", "origin"], cancellation) is { } url ? BrowsableUrl(url) : null;

    /// <summary>git@github.com:owner/repo.git → https://github.com/owner/repo; credentials in an https URL are dropped.</summary>
    public static string BrowsableUrl(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.EndsWith(".git", StringComparison.Ordinal))
            trimmed = trimmed[..^4];
        if (trimmed.StartsWith("git@", StringComparison.Ordinal) && trimmed.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            return $"https://{trimmed[4..colon]}/{trimmed[(colon + 1)..]}";
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/')
            : trimmed;
    }

    private static async Task<string?> Read(AbsolutePath repository, string[] arguments, CancellationToken cancellation)
    {
        var invocation = new ToolInvocation("git", arguments) { WorkingDirectory = repository, LogOutput = false };
        try
        {
            var result = await ToolRunner.RunUncheckedAsync(invocation, cancellation);
            return result.ExitCode == 0 ? string.Join("\n", result.Output).Trim() : null;
        }
        catch (ToolException)
        {
            return null; // git is not installed: the same as no repository for what the pipeline reads
        }
    }
}
