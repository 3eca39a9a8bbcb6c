using Pipeline.GitHub;
using Pipeline.Tools;
using Pipeline.Versioning;

namespace Pipeline.Release;

/// <summary>
/// Everything a release starts from, gathered before any target runs: the working copy's state, the version and
/// its notes, how far an earlier run got, and every reason a real run refuses to start (one line each).
/// </summary>
internal sealed record ReleaseInspection(ReleaseSettings Settings, ReleasePlan? Plan, IReadOnlyList<string> Refusals)
{
    public static async Task<ReleaseInspection> InspectAsync(ReleaseSettings settings, CancellationToken cancellation)
    {
        if (await Git.FindAsync(settings.Root, cancellation) is not { } git)
            return new(settings, null, [$"{settings.Root} is not a git repository (or git is not installed): releases are cut from one."]);
        var refusals = new List<string>(await WorkingCopyCheck.RefusalsAsync(git, settings, cancellation));
        if (await git.IsShallowAsync(cancellation))
            return new(settings, null, refusals); // the fetch failed (refused above): a version from part of the history would be wrong

        var history = await new VersionCalculation(git).CalculateAsync(settings.RequestedVersion, settings.PrereleaseLabel, cancellation);
        var untagged = await UntaggedReleaseCommitAsync(git, settings, history, cancellation);
        if ((untagged ?? history.Next) is not { } version)
            return new(settings, null, [.. refusals, NothingToRelease(history)]);
        var tag = VersionTag.NameOf(version);
        var committed = untagged is not null;
        if (!history.IsResuming && !committed)
            refusals.AddRange(await NewVersionRefusalsAsync(git, settings, history, version, cancellation));

        var remoteUrl = await git.RemoteUrlAsync(settings.Remote, cancellation);
        var repository = settings.Repository ?? GitHubRepositoryName.FromRemoteUrl(remoteUrl);
        if (repository is null)
            refusals.Add($"Cannot tell the GitHub repository from the remote's URL ({remoteUrl ?? $"no remote {settings.Remote}"}): pass --github-repository owner/name.");
        if (settings.Token is null && !settings.DryRun)
            refusals.Add("Release needs a GitHub token that may write the repository's contents: set GITHUB_TOKEN or pass --github-token.");

        var tagOnRemote = history.IsResuming && remoteUrl is not null && await git.RemoteHasRefAsync(settings.Remote, $"refs/tags/{tag}", cancellation);
        var existing = default(GitHubRelease);
        var gitHubChecked = history.IsResuming && repository is not null && settings.Token is not null;
        if (gitHubChecked)
        {
            using var client = new GitHubClient(settings.ApiUrl, settings.Token!);
            existing = await client.FindReleaseByTagAsync(repository!, tag, cancellation);
            if (tagOnRemote && existing is not null && ReleaseAsset.Pending(settings.Assets, settings.Root, existing).Count == 0)
                refusals.Add($"No commits since {tag}, which is released with all its assets ({existing.HtmlUrl}): nothing to release.");
        }

        var links = repository is null ? null : new GitHubLinks(settings.ServerUrl, repository);
        var notes = (history.IsResuming || committed ? Changelog.Find(await ReadChangelogAsync(settings, cancellation), version) : null)
            ?? ReleaseNotes.Render(version, history, links, DateOnly.FromDateTime(DateTime.UtcNow));
        var plan = new ReleasePlan(version, history, notes, repository, CommitsChangelog: !history.IsResuming && !committed,
            CreatesTag: !history.IsResuming, Pushes: !tagOnRemote, existing, gitHubChecked);
        return new(settings, plan, refusals);
    }

    /// <summary>
    /// The version of a release commit an earlier run made on HEAD and stopped before tagging, when it is the release
    /// asked for: that release is finished (tagged, pushed, published), not another one started on top of it.
    /// </summary>
    private static async Task<SemanticVersion?> UntaggedReleaseCommitAsync(Git git, ReleaseSettings settings, VersionPlan history, CancellationToken cancellation)
    {
        if (history.IsResuming || history.Commits.Count == 0 || history.Commits[0].Sha != history.Head)
            return null;
        var version = ReleaseCommit.VersionOf(history.Commits[0].Subject);
        return version is not null && VersionCalculation.IsRequested(version, settings.RequestedVersion, settings.PrereleaseLabel)
            && await git.TryResolveAsync($"refs/tags/{VersionTag.NameOf(version)}", cancellation) is null
                ? version
                : null;
    }

    private static string NothingToRelease(VersionPlan history)
    {
        var since = history.Previous?.Name ?? "the first commit";
        return history.Commits.Count == 0
            ? $"No commits since {since}: nothing to release."
            : $"Nothing to release since {since}: none of its {history.Commits.Count} commit(s) is a feat, fix, perf or breaking change; pass --version to release anyway.";
    }

    /// <summary>A version given by hand must move forward, and its tag must not exist yet.</summary>
    private static async Task<IReadOnlyList<string>> NewVersionRefusalsAsync(Git git, ReleaseSettings settings, VersionPlan history, SemanticVersion version, CancellationToken cancellation)
    {
        var refusals = new List<string>();
        if (settings.RequestedVersion is not null && history.Previous is { } previous && version <= previous.Version)
            refusals.Add($"Version {version} is not above the last release, {previous.Name}.");
        var tag = VersionTag.NameOf(version);
        if (await git.TryResolveAsync($"refs/tags/{tag}", cancellation) is { } tagged)
            refusals.Add($"Tag {tag} already exists on {tagged[..7]}, not on HEAD: pass another --version, or delete the tag if an unfinished run left it unpushed (git tag -d {tag}).");
        return refusals;
    }

    private static async Task<string?> ReadChangelogAsync(ReleaseSettings settings, CancellationToken cancellation)
    {
        var path = Path.Combine(settings.Root, Changelog.FileName);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellation) : null;
    }
}
