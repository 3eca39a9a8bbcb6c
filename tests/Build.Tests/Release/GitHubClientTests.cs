using System.Text;

namespace BuildTests.Release;

/// <summary>The release client against recorded GitHub API exchanges, served over HTTP by @octokit/fixtures-server.</summary>
[Collection(GitHubFixturesCollection.Name)]
public sealed class GitHubClientTests(GitHubFixtures fixtures)
{
    private static readonly GitHubRepositoryName Repository = new("octokit-fixture-org", "release-assets");
    private static readonly ReleaseAsset Asset = new("artifacts/test-upload.txt", "test");
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("Hello, world!\n");

    [RequiresToolFact("node", "npm")]
    public async Task Finds_a_release_by_tag_uploads_and_lists_an_asset()
    {
        using var client = new GitHubClient(await fixtures.LoadAsync("release-assets"), GitHubFixtures.Token);

        var release = await client.FindReleaseByTagAsync(Repository, "v1.0.0", CancellationToken.None);
        Assert.NotNull(release);
        Assert.Equal(("v1.0.0", 1000L), (release.TagName, release.Id));
        Assert.Empty(release.Assets);

        var uploaded = await client.UploadAssetAsync(release, Asset.Name, Asset.Label, Content, Asset.ContentType, CancellationToken.None);
        Assert.Equal(("test-upload.txt", true), (uploaded.Name, uploaded.IsUploaded));

        var listed = await client.ListAssetsAsync(Repository, release.Id, CancellationToken.None);
        Assert.Equal(["test-upload.txt"], listed.Select(a => a.Name));
        // The server replays in recorded order; deleting is recorded after calls this client does not make, and is
        // exercised by the conflict recording instead.
    }

    [RequiresToolFact("node", "npm")]
    public async Task A_tag_without_a_release_is_null_and_a_created_release_can_take_assets()
    {
        using var client = new GitHubClient(await fixtures.LoadAsync("release-resume"), GitHubFixtures.Token);

        Assert.Null(await client.FindReleaseByTagAsync(Repository, "v1.0.0", CancellationToken.None));
        var created = await client.CreateReleaseAsync(Repository, new NewRelease("v1.0.0", "v1.0.0", "notes", Prerelease: false), CancellationToken.None);
        var asset = await client.UploadAssetAsync(created, Asset.Name, Asset.Label, Content, Asset.ContentType, CancellationToken.None);

        Assert.Equal("v1.0.0", created.TagName);
        Assert.Equal("test-upload.txt", asset.Name);
    }

    [RequiresToolFact("node", "npm")]
    public async Task An_upload_whose_name_is_taken_is_answered_422_already_exists()
    {
        var repository = Repository with { Name = "release-assets-conflict" };
        using var client = new GitHubClient(await fixtures.LoadAsync("release-assets-conflict"), GitHubFixtures.Token);
        var release = (await client.FindReleaseByTagAsync(repository, "v1.0.0", CancellationToken.None))!;

        var collision = await Assert.ThrowsAsync<GitHubApiException>(() =>
            client.UploadAssetAsync(release, Asset.Name, Asset.Label, Content, Asset.ContentType, CancellationToken.None));
        Assert.True(collision.IsAlreadyExists, collision.Message);
        Assert.Contains("422", collision.Message, StringComparison.Ordinal);
    }

    [RequiresToolFact("node", "npm")]
    public async Task Asset_upload_recovers_from_a_collision_on_its_own()
    {
        var repository = Repository with { Name = "release-assets-conflict" };
        using var client = new GitHubClient(await fixtures.LoadAsync("release-assets-conflict"), GitHubFixtures.Token);
        var release = (await client.FindReleaseByTagAsync(repository, "v1.0.0", CancellationToken.None))!;

        var uploaded = await AssetUpload.UploadAsync(client, repository, release, Asset, Content, CancellationToken.None);

        Assert.Equal((1001L, "test-upload.txt"), (uploaded.Id, uploaded.Name));
    }
}
