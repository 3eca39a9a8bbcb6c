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

    /// <summary>A PostgreSQL instance made test-side: the pipeline never creates instances, only snapshots and restores them.</summary>
    private static async Task<string> CreateInstance(AwsQueryClient client)
    {
        var id = "db-" + Guid.NewGuid().ToString("N")[..12];
        var parameters = new AwsQueryParameters()
            .Add("DBInstanceIdentifier", id).Add("Engine", "postgres").Add("DBInstanceClass", "db.t3.micro").Add("AllocatedStorage", 20)
            .Add("MasterUsername", "app").Add("MasterUserPassword", "moto-only-password");
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
}
