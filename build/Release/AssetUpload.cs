using Engine;
using Pipeline.GitHub;

namespace Pipeline.Release;

/// <summary>
/// Uploads one asset to a release. GitHub keeps the name of an upload that broke off half-way (a "starter" asset,
/// not always listed with the release) and answers the next upload with 422 already_exists: that asset is deleted
/// and the file uploaded again, so a re-run completes what the interrupted one started.
/// </summary>
internal static class AssetUpload
{
    public static async Task<GitHubAsset> UploadAsync(
        GitHubClient client, GitHubRepositoryName repository, GitHubRelease release, ReleaseAsset asset, byte[] content, CancellationToken cancellation)
    {
        try
        {
            return await client.UploadAssetAsync(release, asset.Name, asset.Label, content, asset.ContentType, cancellation);
        }
        catch (GitHubApiException e) when (e.IsAlreadyExists)
        {
            var blocking = (await client.ListAssetsAsync(repository, release.Id, cancellation)).FirstOrDefault(a => a.Name == asset.Name)
                ?? throw new InvalidOperationException($"GitHub says {asset.Name} already exists on {release.TagName} but does not list it; delete it on the release page and run Release again.", e);
            Log.Information($"{asset.Name} is already on {release.TagName} (state {blocking.State}) from an earlier run: replacing it");
            await client.DeleteAssetAsync(repository, blocking.Id, cancellation);
            return await client.UploadAssetAsync(release, asset.Name, asset.Label, content, asset.ContentType, cancellation);
        }
    }
}
