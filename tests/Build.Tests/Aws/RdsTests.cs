namespace BuildTests.Aws;

/// <summary>The RDS client against moto: snapshot an instance, wait for the snapshot, restore it to a new instance.</summary>
public class RdsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [MotoFact]
    public async Task A_snapshot_is_taken_becomes_available_and_restores_to_a_new_instance()
    {
        using var client = new AwsQueryClient(MotoNetwork.Connection(), Rds.Service);
        var rds = new Rds(client);
        var instanceId = await CreateInstance(client);
        var snapshotId = $"{instanceId}-pre-migrate";

        var created = await rds.CreateDbSnapshot(instanceId, snapshotId, new Dictionary<string, string> { ["release"] = "1.2.3", ["app"] = "web" }, None);
        var available = await WaitUntilAvailable(rds, snapshotId);
        var restored = await rds.RestoreDbInstanceFromSnapshot($"{instanceId}-restored", snapshotId, None);

        Assert.Equal((snapshotId, instanceId), (created.Id, created.InstanceId));
        Assert.EndsWith($":snapshot:{snapshotId}", created.Arn, StringComparison.Ordinal);
        Assert.Equal(created.Arn, available.Arn);
        Assert.NotNull(available.Created);
        // RDS (and moto) also takes an automated snapshot, rds:<instance>-<time>, when it creates an instance.
        var ids = (await rds.DescribeDbSnapshots(instanceId, None)).Select(s => s.Id).ToList();
        Assert.Contains(snapshotId, ids);
        Assert.All(ids.Where(id => id != snapshotId), id => Assert.StartsWith($"rds:{instanceId}-", id, StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["release"] = "1.2.3" }, await Tags(client, created.Arn));
        var instance = await rds.DescribeDbInstance(restored.Id, None);
        Assert.Equal((restored.Id, restored.Arn), (instance!.Id, instance.Arn));
        Assert.EndsWith($":db:{instanceId}-restored", restored.Arn, StringComparison.Ordinal);
        Assert.NotNull(instance.Endpoint);
        Assert.Equal(5432, instance.Port);
    }

    [MotoFact]
    public async Task What_does_not_exist_is_null_or_a_typed_error()
    {
        using var client = new AwsQueryClient(MotoNetwork.Connection(), Rds.Service);
        var rds = new Rds(client);
        var missing = "missing-" + Guid.NewGuid().ToString("N")[..8];

        Assert.Null(await rds.DescribeDbSnapshot(missing, None));
        Assert.Null(await rds.DescribeDbInstance(missing, None));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => rds.CreateDbSnapshot(missing, missing + "-snap", new Dictionary<string, string>(), None));
        Assert.Equal(("DBInstanceNotFound", "RDS", "CreateDBSnapshot"), (error.Code, error.Service, error.Operation));
    }

    [MotoFact]
    public async Task A_copy_restores_in_the_live_instance_s_place_not_publicly_accessible_and_is_deleted_without_a_final_snapshot()
    {
        using var client = new AwsQueryClient(MotoNetwork.Connection(), Rds.Service);
        var rds = new Rds(client);
        var network = await MotoNetwork.Create(None);
        var subnetGroup = "sg-" + Guid.NewGuid().ToString("N")[..8];
        await client.CallAsync(
            "CreateDBSubnetGroup",
            new AwsQueryParameters().Add("DBSubnetGroupName", subnetGroup).Add("DBSubnetGroupDescription", "drill test").List("SubnetIds", network.SubnetIds, member: "SubnetIdentifier"),
            None);
        var instanceId = await CreateInstance(client, subnetGroup, network.SecurityGroupId);
        var live = await rds.DescribeDbInstance(instanceId, None);
        await rds.CreateDbSnapshot(instanceId, $"{instanceId}-snap", new Dictionary<string, string>(), None);
        await WaitUntilAvailable(rds, $"{instanceId}-snap");

        var restored = await rds.RestoreDbInstanceFromSnapshot($"{instanceId}-copy", $"{instanceId}-snap", live!.Placement, new Dictionary<string, string> { ["made-by"] = "test" }, None);
        var sent = new List<string>();
        using var recorded = new AwsQueryClient(MotoNetwork.Connection(), Rds.Service, new BodyRecorder(sent.Add));
        var second = await new Rds(recorded).RestoreDbInstanceFromSnapshot($"{instanceId}-copy2", $"{instanceId}-snap", live.Placement, new Dictionary<string, string>(), None);
        await rds.DeleteScratchDbInstance(second.Id, None);
        var copy = await rds.DescribeDbInstance(restored.Id, None);
        var listed = (await rds.DescribeDbInstances(None)).Select(i => i.Id).ToList();
        var tags = await Tags(client, copy!.Arn);
        await rds.DeleteScratchDbInstance(restored.Id, None);

        Assert.Equal((subnetGroup, "db.t3.micro"), (live.Placement.SubnetGroup, live.Placement.InstanceClass));
        Assert.Equal([network.SecurityGroupId], live.Placement.SecurityGroups);
        Assert.Equal(live.Placement.SubnetGroup, copy.Placement.SubnetGroup);
        Assert.Equal(live.Placement.SecurityGroups, copy.Placement.SecurityGroups);
        // moto does not report PubliclyAccessible: what was asked for is in the request.
        Assert.Contains("PubliclyAccessible=false", Assert.Single(sent), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["made-by"] = "test" }, tags);
        Assert.Contains(instanceId, listed);
        Assert.Contains(restored.Id, listed);
        Assert.True(await rds.DescribeDbInstance(restored.Id, None) is null or { Status: "deleting" });
        Assert.Equal("available", (await rds.DescribeDbInstance(instanceId, None))!.Status);
        // No final snapshot was taken of the copy.
        Assert.DoesNotContain((await rds.DescribeDbSnapshots(restored.Id, None)).Select(s => s.Id), id => !id.StartsWith("rds:", StringComparison.Ordinal));
    }

    /// <summary>A PostgreSQL instance made test-side: the pipeline never creates instances, only snapshots and restores them.</summary>
    private static async Task<string> CreateInstance(AwsQueryClient client, string? subnetGroup = null, string? securityGroup = null)
    {
        var id = "db-" + Guid.NewGuid().ToString("N")[..12];
        var parameters = new AwsQueryParameters()
            .Add("DBInstanceIdentifier", id).Add("Engine", "postgres").Add("DBInstanceClass", "db.t3.micro").Add("AllocatedStorage", 20)
            .Add("MasterUsername", "app").Add("MasterUserPassword", "moto-only-password");
        if (subnetGroup is not null)
            parameters.Add("DBSubnetGroupName", subnetGroup);
        if (securityGroup is not null)
            parameters.List("VpcSecurityGroupIds", [securityGroup], member: "VpcSecurityGroupId");
        await client.CallAsync("CreateDBInstance", parameters, None);
        return id;
    }

    /// <summary>Polls as a migration would; moto's snapshots are available at once, AWS's after minutes.</summary>
    private static async Task<DbSnapshot> WaitUntilAvailable(Rds rds, string snapshotId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await rds.DescribeDbSnapshot(snapshotId, None) ?? throw new InvalidOperationException($"snapshot {snapshotId} vanished");
            if (snapshot.Status == "available" || attempt == 30)
                return snapshot.Status == "available" ? snapshot : throw new InvalidOperationException($"snapshot {snapshotId} is still {snapshot.Status}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<Dictionary<string, string>> Tags(AwsQueryClient client, string arn)
    {
        var result = await client.CallAsync("ListTagsForResource", new AwsQueryParameters().Add("ResourceName", arn), None);
        return result.Members("TagList", "Tag").ToDictionary(t => t.Required("Key"), t => t.Required("Value"));
    }

    /// <summary>Tells the form body each request was sent with, then sends it on.</summary>
    private sealed class BodyRecorder(Action<string> seen) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
