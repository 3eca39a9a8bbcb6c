using Engine;
using Pipeline.GitHub;
using Pipeline.Versioning;

namespace Pipeline.Release;

/// <summary>What a release is told, read once from the component's parameters so the code it calls does not depend on it.</summary>
internal sealed record ReleaseSettings(
    AbsolutePath Root,
    string Branch,
    string Remote,
    GitHubRepositoryName? Repository,
    Uri ApiUrl,
    Uri ServerUrl,
    string? Token,
    bool DryRun,
    SemanticVersion? RequestedVersion,
    string? PrereleaseLabel,
    IReadOnlyList<ReleaseAsset> Assets)
{
    public static ReleaseSettings Of(IRelease build) => new(
        build.RootDirectory,
        build.ReleaseBranch,
        build.ReleaseRemote,
        build.GithubRepository is not { Length: > 0 } repository ? null : GitHubRepositoryName.TryParse(repository) ?? throw new UsageException(
            $"Invalid value '{repository}' for parameter GithubRepository (--github-repository): expected owner/name."),
        build.GithubApiUrl,
        build.GithubServerUrl,
        build.GithubToken is { Length: > 0 } token ? token : null,
        build.DryRun,
        build.RequestedVersion,
        build.PrereleaseLabel,
        build.ReleaseAssets.Select(ReleaseAsset.Parse).ToList());
}
