using Pipeline.GitHub;
using Pipeline.Versioning;

namespace Pipeline.Release;

/// <summary>
/// A release ready to run: its version and notes, and which steps are still to do. A release an earlier run left
/// unfinished has some done already: its commit, its tag on the remote, its GitHub release.
/// </summary>
/// <param name="CommitsChangelog">Write the CHANGELOG.md section and commit it (not yet done).</param>
/// <param name="CreatesTag">Create the annotated tag on HEAD (not yet there).</param>
/// <param name="Pushes">Push the branch and the tag (the remote lacks the tag).</param>
/// <param name="ExistingRelease">The GitHub release of the tag when an earlier run created it.</param>
/// <param name="GitHubChecked">Whether GitHub was asked about <paramref name="ExistingRelease"/> (not without a token).</param>
internal sealed record ReleasePlan(
    SemanticVersion Version,
    VersionPlan History,
    ReleaseNotes Notes,
    GitHubRepositoryName? Repository,
    bool CommitsChangelog,
    bool CreatesTag,
    bool Pushes,
    GitHubRelease? ExistingRelease,
    bool GitHubChecked)
{
    public string Tag => VersionTag.NameOf(Version);

    public bool Resumes => !CommitsChangelog;
}
