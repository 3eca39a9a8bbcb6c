using Engine;
using Pipeline.Tools;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// A build whose staging and production deploys refuse a working tree with uncommitted changes: what those environments
/// run must be reproducible from a commit. DeployStaging builds its image from the working tree; DeployProduction
/// promotes staging's image but runs this checkout's build and parameters against production. Checked with the other
/// requirements, before any target runs: one line, exit code 2, nothing changed. AllowDirty lets a deliberate exception through.
/// </summary>
public interface IHazCommittedSource : IBuild
{
    [Parameter("Let DeployStaging and DeployProduction run from a working tree with uncommitted changes (refused otherwise: a release must be reproducible from a commit)")]
    bool AllowDirty => TryGetValue<bool>(() => AllowDirty) ?? false;

    /// <summary>True, or a <see cref="UsageException"/> naming the target, the changes and the way out. Outside a git checkout there is nothing to compare with.</summary>
    bool ConfirmCommittedSource(string target, string environment) =>
        UncommittedSource(target, environment) is { } refusal ? throw new UsageException(refusal) : true;

    /// <summary>Why <paramref name="target"/> refuses this working tree, or null: the refusal's line, which a deploy's plan lists as a reason it would stop.</summary>
    string? UncommittedSource(string target, string environment)
    {
        if (AllowDirty)
            return null;
        // Requirements are checked synchronously, before anything runs: waiting here blocks nobody.
        if (Git.FindAsync(RootDirectory, CancellationToken.None).GetAwaiter().GetResult() is not { } git)
            return null;
        var changed = git.ChangedPathsAsync(includeUntracked: true, CancellationToken.None).GetAwaiter().GetResult();
        if (changed.Count == 0)
            return null;

        var named = string.Join(", ", changed.Take(3)) + (changed.Count > 3 ? ", …" : "");
        var (what, pronoun) = changed.Count == 1 ? ($"an uncommitted change ({named})", "it") : ($"{changed.Count} uncommitted changes ({named})", "them");
        return $"{target} refuses a working tree with {what}: what {environment} runs must be reproducible from a commit; commit or stash {pronoun}, or pass --allow-dirty";
    }
}
