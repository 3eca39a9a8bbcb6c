namespace Pipeline.Aws;

/// <summary>
/// Amazon RDS's API (awsQuery 2014-10-31), the operations a migration's safety net uses: snapshot the instance before
/// migrating, find the snapshot, and restore it to a new instance when a migration has to be undone; a recovery drill
/// restores one beside the live instance, in its network, and deletes it again.
/// </summary>
public sealed class Rds(AwsQueryClient client)
{
    public static readonly AwsQueryService Service = new("RDS", "RDS", "rds", "rds", "2014-10-31");

    public Rds(AwsConnection connection)
        : this(new AwsQueryClient(connection, Service))
    {
    }

    /// <summary>Starts a manual snapshot; it is "creating" until RDS has copied the volume, then "available".</summary>
    public async Task<DbSnapshot> CreateDbSnapshot(string instanceId, string snapshotId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        // RDS names its tag list's items Tag, not member: Tags.Tag.1.Key.
        var parameters = new AwsQueryParameters().Add("DBInstanceIdentifier", instanceId).Add("DBSnapshotIdentifier", snapshotId).Tags(tags, member: "Tag");
        var result = await client.CallAsync("CreateDBSnapshot", parameters, cancellation);
        return DbSnapshot.From(result.Child("DBSnapshot") ?? throw new InvalidOperationException("RDS CreateDBSnapshot answered without a DBSnapshot."));
    }

    public async Task<DbSnapshot?> DescribeDbSnapshot(string snapshotId, CancellationToken cancellation)
    {
        var result = await client.CallOrNullAsync("DescribeDBSnapshots", new AwsQueryParameters().Add("DBSnapshotIdentifier", snapshotId), "DBSnapshotNotFound", cancellation);
        return result?.Members("DBSnapshots", "DBSnapshot").Select(DbSnapshot.From).FirstOrDefault();
    }

    /// <summary>The instance's snapshots, every page of them.</summary>
    public async Task<IReadOnlyList<DbSnapshot>> DescribeDbSnapshots(string instanceId, CancellationToken cancellation)
    {
        var snapshots = await client.CallAllPagesAsync(
            "DescribeDBSnapshots", new AwsQueryParameters().Add("DBInstanceIdentifier", instanceId), "DBSnapshots", cancellation, member: "DBSnapshot", nextMarker: "Marker");
        return [.. snapshots.Select(DbSnapshot.From)];
    }

    public async Task<DbInstance?> DescribeDbInstance(string instanceId, CancellationToken cancellation)
    {
        var result = await client.CallOrNullAsync("DescribeDBInstances", new AwsQueryParameters().Add("DBInstanceIdentifier", instanceId), "DBInstanceNotFound", cancellation);
        return result?.Members("DBInstances", "DBInstance").Select(DbInstance.From).FirstOrDefault();
    }

    /// <summary>Every instance of the account and region, every page.</summary>
    public async Task<IReadOnlyList<DbInstance>> DescribeDbInstances(CancellationToken cancellation)
    {
        var instances = await client.CallAllPagesAsync("DescribeDBInstances", new AwsQueryParameters(), "DBInstances", cancellation, member: "DBInstance", nextMarker: "Marker");
        return [.. instances.Select(DbInstance.From)];
    }

    /// <summary>A new instance from the snapshot, with the snapshot's settings; it is "creating" until it serves.</summary>
    public async Task<DbInstance> RestoreDbInstanceFromSnapshot(string newInstanceId, string snapshotId, CancellationToken cancellation)
    {
        var parameters = new AwsQueryParameters().Add("DBInstanceIdentifier", newInstanceId).Add("DBSnapshotIdentifier", snapshotId);
        var result = await client.CallAsync("RestoreDBInstanceFromDBSnapshot", parameters, cancellation);
        return DbInstance.From(result.Child("DBInstance") ?? throw new InvalidOperationException("RDS RestoreDBInstanceFromDBSnapshot answered without a DBInstance."));
    }

    /// <summary>
    /// A new instance from the snapshot placed as <paramref name="placement"/> says (the live instance's subnet group and
    /// security groups), never publicly accessible, tagged so that whoever finds it later knows who made it.
    /// </summary>
    public async Task<DbInstance> RestoreDbInstanceFromSnapshot(
        string newInstanceId, string snapshotId, DbPlacement placement, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var parameters = new AwsQueryParameters().Add("DBInstanceIdentifier", newInstanceId).Add("DBSnapshotIdentifier", snapshotId).Add("PubliclyAccessible", "false");
        if (placement.SubnetGroup is { } subnetGroup)
            parameters.Add("DBSubnetGroupName", subnetGroup);
        if (placement.InstanceClass is { } instanceClass)
            parameters.Add("DBInstanceClass", instanceClass);
        parameters.List("VpcSecurityGroupIds", placement.SecurityGroups, member: "VpcSecurityGroupId").Tags(tags, member: "Tag");
        var result = await client.CallAsync("RestoreDBInstanceFromDBSnapshot", parameters, cancellation);
        return DbInstance.From(result.Child("DBInstance") ?? throw new InvalidOperationException("RDS RestoreDBInstanceFromDBSnapshot answered without a DBInstance."));
    }

    /// <summary>Deletes the instance with no final snapshot and no automated backups kept: for scratch instances only.</summary>
    public async Task DeleteScratchDbInstance(string instanceId, CancellationToken cancellation) =>
        await client.CallAsync(
            "DeleteDBInstance",
            new AwsQueryParameters().Add("DBInstanceIdentifier", instanceId).Add("SkipFinalSnapshot", "true").Add("DeleteAutomatedBackups", "true"),
            cancellation);
}
