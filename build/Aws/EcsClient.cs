using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>
/// Amazon ECS's API (awsJson1_1), the operations the pipeline uses: clusters, task definition revisions and tags here;
/// services and tasks in EcsClient.Services.cs.
/// </summary>
public sealed partial class EcsClient(AwsJsonClient client)
{
    public static readonly AwsService Service = new("ECS", "ECS", "ecs", "ecs", "AmazonEC2ContainerServiceV20141113", "application/x-amz-json-1.1");

    public EcsClient(AwsConnection connection)
        : this(new AwsJsonClient(connection, Service))
    {
    }

    /// <summary>The cluster, or null when there is none: a deleted cluster stays listed as INACTIVE for a while and counts as none.</summary>
    public async Task<EcsCluster?> DescribeCluster(string name, CancellationToken cancellation)
    {
        var answer = await client.CallAsync("DescribeClusters", new JsonObject { ["clusters"] = new JsonArray(name) }, cancellation);
        return EcsJson.List(answer, "clusters", EcsCluster.From).FirstOrDefault(c => c.Status != "INACTIVE");
    }

    public async Task<EcsCluster> CreateCluster(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        var request = new JsonObject { ["clusterName"] = name };
        if (tags.Count > 0)
            request["tags"] = EcsJson.Tags(tags);
        var answer = await client.CallAsync("CreateCluster", request, cancellation);
        return EcsCluster.From(answer.GetProperty("cluster"));
    }

    /// <summary>A revision by family (the newest ACTIVE one), family:revision or ARN, with its tags.</summary>
    public async Task<EcsTaskDefinition> DescribeTaskDefinition(string familyOrArn, CancellationToken cancellation)
    {
        var answer = await client.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = familyOrArn, ["include"] = new JsonArray("TAGS") }, cancellation);
        return EcsTaskDefinition.From(answer);
    }

    /// <summary>Registers <paramref name="request"/> (RegisterTaskDefinition's fields) as the family's next revision.</summary>
    public async Task<EcsTaskDefinition> RegisterTaskDefinition(JsonObject request, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        var body = request.DeepClone().AsObject();
        if (tags.Count > 0)
            body["tags"] = EcsJson.Tags(tags);
        var registered = EcsTaskDefinition.From(await client.CallAsync("RegisterTaskDefinition", body, cancellation));
        // The answer carries the new revision's tags; an implementation that leaves them out (moto) still applied ours.
        return registered.Tags.Count == 0 ? registered with { Tags = tags } : registered;
    }

    /// <summary>The family's ACTIVE revisions, newest first (sorted here: not every implementation honours sort).</summary>
    public async Task<IReadOnlyList<string>> ListTaskDefinitions(string family, CancellationToken cancellation)
    {
        var arns = await AllPages(
            "ListTaskDefinitions",
            new JsonObject { ["familyPrefix"] = family, ["status"] = "ACTIVE", ["sort"] = "DESC" },
            "taskDefinitionArns",
            cancellation);
        return [.. arns.Where(a => EcsTaskDefinition.FamilyOf(a) == family).OrderByDescending(EcsTaskDefinition.RevisionOf)];
    }

    public Task DeregisterTaskDefinition(string arn, CancellationToken cancellation) =>
        client.CallAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = arn }, cancellation);

    public Task TagResource(string arn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation) =>
        client.CallAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = EcsJson.Tags(tags) }, cancellation);

    public async Task<IReadOnlyDictionary<string, string>> ListTagsForResource(string arn, CancellationToken cancellation) =>
        EcsJson.Tags(await client.CallAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = arn }, cancellation), "tags");

    public Task UntagResource(string arn, IReadOnlyList<string> keys, CancellationToken cancellation) =>
        client.CallAsync("UntagResource", new JsonObject { ["resourceArn"] = arn, ["tagKeys"] = EcsJson.Strings(keys) }, cancellation);

    /// <summary>Every page of a List* operation: the strings of <paramref name="member"/>, following nextToken.</summary>
    private async Task<List<string>> AllPages(string operation, JsonObject request, string member, CancellationToken cancellation)
    {
        var all = new List<string>();
        string? next = null;
        do
        {
            var page = request.DeepClone().AsObject();
            if (next is not null)
                page["nextToken"] = next;
            var answer = await client.CallAsync(operation, page, cancellation);
            all.AddRange(EcsJson.List(answer, member, e => e.GetString()!));
            next = EcsJson.Text(answer, "nextToken");
        }
        while (next is not null);
        return all;
    }
}

public sealed record EcsCluster(string Arn, string Name, string Status)
{
    public static EcsCluster From(JsonElement cluster) =>
        new(EcsJson.RequiredText(cluster, "clusterArn"), EcsJson.RequiredText(cluster, "clusterName"), EcsJson.Text(cluster, "status") ?? "ACTIVE");
}
