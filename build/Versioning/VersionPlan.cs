namespace Pipeline.Versioning;

/// <summary>What the history says about the next release: where the last one was, what changed since, and the version.</summary>
/// <param name="Head">The commit being released.</param>
/// <param name="Previous">The latest stable release reachable from HEAD (not HEAD itself); null before the first.</param>
/// <param name="HeadTag">A release tag already on HEAD that matches the request: that release is being finished, not started.</param>
/// <param name="Commits">Commits since <paramref name="Previous"/> (all of them before the first release), newest first.</param>
/// <param name="Next">The version to release; null when no commit asks for one and none was given.</param>
public sealed record VersionPlan(string Head, VersionTag? Previous, VersionTag? HeadTag, IReadOnlyList<ConventionalCommit> Commits, SemanticVersion? Next)
{
    public ChangeKind Strongest => Commits.Count == 0 ? ChangeKind.None : Commits.Max(c => c.Kind);

    public bool IsResuming => HeadTag is not null;

    public string? NextTag => Next is null ? null : VersionTag.NameOf(Next);
}
