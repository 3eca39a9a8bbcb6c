using Engine.Workflows;
using Pipeline.Release;
using Pipeline.Versioning;

internal sealed partial class Build
{
    /// <summary>
    /// Releases are cut by hand from main: "Run workflow" with an optional version, pre-release label or dry run.
    /// The whole history is checked out (the version needs the tags); only the release job may write contents (the
    /// changelog commit, the tag, the GitHub release), with the workflow's own GITHUB_TOKEN. One release at a time,
    /// never cancelled half-way; a failed run is finished by dispatching the workflow again on the latest main.
    /// </summary>
    private WorkflowDeclaration ReleaseWorkflow => new("release.yml", "Release")
    {
        On = new()
        {
            Dispatch = new()
            {
                Inputs =
                [
                    new(nameof(IHazVersion.Version)) { Description = "Release this version instead of the calculated one (e.g. 1.0.0 to leave 0.x)" },
                    new(nameof(IHazVersion.Prerelease)) { Description = "Pre-release label: rc gives 1.3.0-rc.1, then rc.2" },
                    new(nameof(IRelease.DryRun)) { Default = "false", Description = "Print the version, notes and steps; change nothing" },
                ],
            },
        },
        Invokes = [From<IRelease>().Release],
        FetchDepth = 0,
        Concurrency = new("release", CancelInProgress: false),
        Parameters = [ParameterMapping.Secret(nameof(IRelease.GithubToken), "GITHUB_TOKEN")],
        Jobs =
        [
            new(From<IRelease>().Release)
            {
                Permissions = Permissions.None.With(PermissionScope.Contents, PermissionLevel.Write),
                Parameters = [nameof(IRelease.GithubToken), nameof(IHazVersion.Version), nameof(IHazVersion.Prerelease), nameof(IRelease.DryRun)],
            },
        ],
    };
}
