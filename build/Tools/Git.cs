using Engine;

/// <summary>Typed calls of git for what the pipeline reads from the repository; null where the folder is no git checkout.</summary>
internal static class Git
{
    /// <summary>The full id of HEAD, or null.</summary>
    public static async Task<string?> Commit(AbsolutePath repository, CancellationToken cancellation) =>
        await Read(repository, ["rev-parse", "HEAD"], cancellation);

    /// <summary><c>git describe --tags</c> (e.g. v1.2.0-3-gabc1234), or null without a tag.</summary>
    public static async Task<string?> DescribeTags(AbsolutePath repository, CancellationToken cancellation) =>
        await Read(repository, ["describe", "--tags"], cancellation);

    /// <summary>Whether tracked files differ from HEAD: a commit tag on such a build would name code it was not built from.</summary>
    public static async Task<bool> HasUncommittedChanges(AbsolutePath repository, CancellationToken cancellation) =>
        await Read(repository, ["status", "--porcelain", "--untracked-files=no"], cancellation) is { Length: > 0 };

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
