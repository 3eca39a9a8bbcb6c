using System.Text.RegularExpressions;

namespace Pipeline.GitHub;

/// <summary>A GitHub repository as owner/name: given as a parameter, or read from the URL of a git remote.</summary>
public sealed partial record GitHubRepositoryName(string Owner, string Name)
{
    public override string ToString() => $"{Owner}/{Name}";

    /// <summary>"owner/name", or null.</summary>
    public static GitHubRepositoryName? TryParse(string? text) =>
        OwnerAndName().Match(text?.Trim() ?? "") is { Success: true } match ? new(match.Groups["owner"].Value, match.Groups["name"].Value) : null;

    /// <summary>
    /// From https://host/owner/name(.git), git@host:owner/name(.git) or ssh://git@host/owner/name(.git); null for
    /// anything else, such as a path to a local repository.
    /// </summary>
    public static GitHubRepositoryName? FromRemoteUrl(string? url) =>
        RemoteUrl().Match(url?.Trim() ?? "") is { Success: true } match ? new(match.Groups["owner"].Value, match.Groups["name"].Value) : null;

    [GeneratedRegex(@"^(?<owner>[A-Za-z0-9-]+)/(?<name>[A-Za-z0-9._-]+)$")]
    private static partial Regex OwnerAndName();

    [GeneratedRegex(@"^(?:(?:https?|ssh|git)://(?:[^@/]+@)?[^/]+/|[^@/:]+@[^:/]+:)(?<owner>[A-Za-z0-9-]+)/(?<name>[A-Za-z0-9._-]+?)(?:\.git)?/?$")]
    private static partial Regex RemoteUrl();
}
