using System.Globalization;
using Engine;
using Pipeline.Aws;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// RestoreDb on AWS: a snapshot MigrateDb took becomes a new RDS instance, &lt;instance&gt;-restored-&lt;UTC time&gt;; the
/// running database is left alone. Pointing the service at the copy is a change of its secret and a deploy, which is
/// the operator's decision: the exact steps are printed.
/// </summary>
internal sealed class SnapshotRestore(Rds rds, MigrationSnapshots snapshots)
{
    public async Task<DbInstance> RunAsync(string backup, string instanceId, EcsNames names, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(names);
        var snapshot = await snapshots.FindOursAsync(backup, cancellation);
        var newId = RestoredInstanceId(instanceId, DateTimeOffset.UtcNow);
        Log.Information($"Restoring RDS snapshot {snapshot.Id} (of {snapshot.InstanceId}, taken {snapshot.Created:u}) to a new instance {newId}…");
        var restored = await rds.RestoreDbInstanceFromSnapshot(newId, snapshot.Id, cancellation);
        foreach (var step in StepsToUse(restored, names))
            Log.Information(step);
        return restored;
    }

    /// <summary>&lt;instance&gt;-restored-&lt;yyyyMMdd-HHmmss&gt;; RDS allows 63 characters, so a long instance name is shortened first.</summary>
    public static string RestoredInstanceId(string instanceId, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var suffix = "-restored-" + time.UtcDateTime.ToString(RdsSnapshotName.Stamp, CultureInfo.InvariantCulture);
        return instanceId[..Math.Min(instanceId.Length, 63 - suffix.Length)].TrimEnd('-') + suffix;
    }

    /// <summary>What the operator does next, as commands to copy; the secret's value is never printed, only where it is.</summary>
    public static IReadOnlyList<string> StepsToUse(DbInstance restored, EcsNames names)
    {
        ArgumentNullException.ThrowIfNull(restored);
        ArgumentNullException.ThrowIfNull(names);
        var endpoint = restored.Endpoint is { Length: > 0 } host ? $"{host}:{restored.Port}" : "(its endpoint, shown by step 1 once it is available)";
        return
        [
            $"RDS instance {restored.Id} is being created from the snapshot ({restored.Status}). The service still uses its old database. To switch it over:",
            $"  1. aws rds wait db-instance-available --db-instance-identifier {restored.Id} && aws rds describe-db-instances --db-instance-identifier {restored.Id} --query 'DBInstances[0].Endpoint'",
            $"  2. Change the host of DATABASE_URL in the secret the task definitions {names.TaskFamily(Color.Blue)} and {names.TaskFamily(Color.Green)} read to {endpoint} (same user, password and database).",
            $"  3. ./build.sh DeployBlueGreen --environment {names.Environment} --image-digest <the image now live>: new tasks read the secret when they start; the old instance stays until you delete it.",
        ];
    }
}
