namespace Pipeline.GitHub;

/// <summary>The fields of a release (REST API: /repos/{owner}/{repo}/releases) the pipeline uses.</summary>
/// <param name="UploadUrl">An RFC 6570 template, "https://uploads.github.com/…/assets{?name,label}".</param>
public sealed record GitHubRelease(long Id, string TagName, string HtmlUrl, string UploadUrl, IReadOnlyList<GitHubAsset> Assets);

/// <summary>A file attached to a release. A "starter" asset is an upload that did not finish: it blocks its name.</summary>
public sealed record GitHubAsset(long Id, string Name, string State)
{
    public bool IsUploaded => State == "uploaded";
}

/// <summary>The body of "create a release" for a tag that already exists on GitHub.</summary>
public sealed record NewRelease(string TagName, string Name, string Body, bool Prerelease);
