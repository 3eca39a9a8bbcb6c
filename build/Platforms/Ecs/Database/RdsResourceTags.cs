using Pipeline.Aws;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// RDS's ListTagsForResource, which the RDS client does not offer: how RestoreDb tells a snapshot MigrateDb took
/// (tagged <see cref="MigrationSnapshots.CreatedByTag"/>) from any other.
/// </summary>
internal sealed class RdsResourceTags(AwsQueryClient client)
{
    public async Task<IReadOnlyDictionary<string, string>> ListAsync(string arn, CancellationToken cancellation)
    {
        var result = await client.CallAsync("ListTagsForResource", new AwsQueryParameters().Add("ResourceName", arn), cancellation);
        return result.Members("TagList", "Tag").ToDictionary(tag => tag.Required("Key"), tag => tag.Text("Value") ?? "", StringComparer.Ordinal);
    }
}
