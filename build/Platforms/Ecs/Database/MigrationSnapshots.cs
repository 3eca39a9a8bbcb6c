using Engine;
using Pipeline.Aws;
using Pipeline.Waiting;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// The RDS snapshots MigrateDb takes before it migrates an AWS environment, and the ones RestoreDb accepts: named by
/// <see cref="RdsSnapshotName"/> and tagged created-by=MigrateDb, so a restore can only start from what this tool took.
/// </summary>
internal sealed class MigrationSnapshots(Rds rds, RdsResourceTags tags, Awaiting awaiting)
{
    public const string CreatedByTag = "created-by";
    public const string CreatedBy = "MigrateDb";

    /// <summary>The instance, or one line saying it is not there (before anything is changed).</summary>
    public async Task<DbInstance> RequireInstanceAsync(string instanceId, CancellationToken cancellation) =>
        await rds.DescribeDbInstance(instanceId, cancellation)
        ?? throw new InvalidOperationException($"There is no RDS instance '{instanceId}' in this account and region: pass --rds-instance, or run Provision first.");

    /// <summary>Takes the snapshot and waits until it is available: only then is it a backup.</summary>
    public async Task<DbSnapshot> TakeAsync(string instanceId, string namePrefix, string environment, TimeSpan deadline, CancellationToken cancellation)
    {
        var id = RdsSnapshotName.For(namePrefix, DateTimeOffset.UtcNow);
        Log.Information($"Taking RDS snapshot {id} of {instanceId}…");
        var created = await rds.CreateDbSnapshot(
            instanceId, id, new Dictionary<string, string> { [CreatedByTag] = CreatedBy, ["environment"] = environment }, cancellation);
        return await awaiting.UntilAsync(
            $"RDS snapshot {created.Id}",
            deadline,
            async token => await rds.DescribeDbSnapshot(created.Id, token)
                ?? throw new InvalidOperationException($"RDS snapshot {created.Id} disappeared while it was being taken."),
            seen => seen.Status switch
            {
                "available" => Look.Reached(seen.Status),
                "failed" or "deleted" or "deleting" => throw new InvalidOperationException($"RDS snapshot {created.Id} ended {seen.Status}, so nothing was migrated."),
                _ => Look.Pending(seen.Status),
            },
            cancellation);
    }

    /// <summary>A snapshot MigrateDb took, or one line saying why the name is refused: not this tool's shape, not there, or not ours.</summary>
    public async Task<DbSnapshot> FindOursAsync(string given, CancellationToken cancellation)
    {
        var name = RdsSnapshotName.Parse(given);
        var snapshot = await rds.DescribeDbSnapshot(name, cancellation)
            ?? throw new InvalidOperationException($"There is no RDS snapshot '{name}' in this account and region.");
        var found = await tags.ListAsync(snapshot.Arn, cancellation);
        if (found.GetValueOrDefault(CreatedByTag) != CreatedBy)
            throw new InvalidOperationException($"RDS snapshot '{name}' was not taken by MigrateDb (no tag {CreatedByTag}={CreatedBy}): refusing to restore it.");
        return snapshot.Status == "available"
            ? snapshot
            : throw new InvalidOperationException($"RDS snapshot '{name}' is {snapshot.Status}, not available: it cannot be restored yet.");
    }
}
