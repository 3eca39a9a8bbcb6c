using Pipeline.Tools;

namespace Pipeline.Release;

/// <summary>
/// Whether the working copy may be released: on the release branch, clean, and up to date with its remote. Fetches
/// the remote's branches and tags first (the whole history on a shallow clone), which changes nothing of the user's.
/// Each problem is one line for the user.
/// </summary>
internal static class WorkingCopyCheck
{
    public static async Task<IReadOnlyList<string>> RefusalsAsync(Git git, ReleaseSettings settings, CancellationToken cancellation)
    {
        var refusals = new List<string>();
        var branch = await git.CurrentBranchAsync(cancellation);
        if (branch is null)
            refusals.Add($"HEAD is detached: check out {settings.Branch}, releases are cut from it.");
        else if (branch != settings.Branch)
            refusals.Add($"On branch {branch}: releases are cut from {settings.Branch} (--release-branch).");

        var changed = await git.ChangedPathsAsync(includeUntracked: true, cancellation);
        if (changed.Count > 0)
            refusals.Add($"The working tree has {changed.Count} uncommitted change(s) ({changed[0]}{(changed.Count > 1 ? ", …" : "")}): commit or stash them first.");

        if (await git.RemoteUrlAsync(settings.Remote, cancellation) is null)
        {
            refusals.Add($"There is no git remote '{settings.Remote}' to push the release to (--release-remote).");
            return refusals;
        }

        var shallow = await git.IsShallowAsync(cancellation);
        var fetch = await git.FetchAsync(settings.Remote, unshallow: shallow, cancellation);
        if (fetch.ExitCode != 0)
        {
            // git's first "fatal:" line says what went wrong; the lines after it are generic advice.
            var reason = (fetch.Errors.FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
                ?? fetch.Errors.LastOrDefault(l => l.Trim().Length > 0))?.Trim() ?? $"exit code {fetch.ExitCode}";
            refusals.Add(shallow
                ? $"This clone is shallow and the history a version needs could not be fetched from {settings.Remote} ({reason}): clone with the full history (fetch-depth: 0)."
                : $"Could not fetch {settings.Remote} to compare with it ({reason}).");
            return refusals;
        }

        var tracking = $"refs/remotes/{settings.Remote}/{settings.Branch}";
        if (branch == settings.Branch && await git.TryResolveAsync(tracking, cancellation) is not null)
        {
            var behind = await git.CountCommitsAsync($"HEAD..{tracking}", cancellation);
            if (behind > 0)
                refusals.Add($"{branch} is {behind} commit(s) behind {settings.Remote}/{settings.Branch}: pull, then run Release again.");
        }

        return refusals;
    }
}
