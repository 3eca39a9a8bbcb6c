using System.Globalization;
using Engine;
using Pipeline.Aws;
using Pipeline.Recovery;
using Pipeline.Waiting;

namespace Pipeline.Platforms.Ecs.Recovery;

/// <summary>
/// The drill's scratch database on AWS: an RDS instance restored from the snapshot beside the live one, in its DB
/// subnet group and security groups (so the service's network reaches it) and never publicly accessible. The build
/// never connects to it, so it counts no rows. Disposing it deletes it, with no final snapshot.
/// </summary>
internal sealed class RdsDrillDatabase : IDrillDatabase
{
    private readonly Rds rds;

    private RdsDrillDatabase(Rds rds, string name, string endpoint) => (this.rds, Name, Endpoint) = (rds, name, endpoint);

    public string Name { get; }

    /// <summary>host:port, as the drill's tasks get it in DATABASE_HOST.</summary>
    public string Endpoint { get; }

    public IReadOnlyDictionary<string, long> Rows { get; } = new Dictionary<string, long>();

    public static async Task<RdsDrillDatabase> RestoreAsync(
        Rds rds, EcsDrillNames names, string liveInstanceId, string snapshot, Awaiting awaiting, TimeSpan deadline, CancellationToken cancellation)
    {
        var live = await rds.DescribeDbInstance(liveInstanceId, cancellation)
            ?? throw new InvalidOperationException($"There is no RDS instance '{liveInstanceId}' in this account and region to take the network from: pass --rds-instance.");
        var id = names.Instance(DateTimeOffset.UtcNow);
        if (string.Equals(id, live.Id, StringComparison.OrdinalIgnoreCase) || !names.IsDrillInstance(id))
            throw new InvalidOperationException($"Refusing to restore into RDS instance {id}: it is the live instance, or not a drill's name.");
        Log.Information($"Restoring RDS snapshot {snapshot} to the scratch instance {id} (subnet group {live.Placement.SubnetGroup ?? "the default"}, security groups {string.Join(", ", live.Placement.SecurityGroups)}, not publicly accessible)…");
        await rds.RestoreDbInstanceFromSnapshot(id, snapshot, live.Placement, names.Tags, cancellation);
        try
        {
            var available = await awaiting.UntilAsync(
                $"RDS instance {id}",
                deadline,
                async token => await rds.DescribeDbInstance(id, token) ?? throw new InvalidOperationException($"RDS instance {id} disappeared while it was being restored."),
                seen => seen switch
                {
                    { Status: "available", Endpoint.Length: > 0, Port: not null } => Look.Reached("available"),
                    { Status: "failed" or "incompatible-restore" or "incompatible-parameters" or "deleting" } => Look.Failed($"the restore ended {seen.Status}"),
                    _ => Look.Pending(seen.Status),
                },
                cancellation);
            return new RdsDrillDatabase(rds, id, $"{available.Endpoint}:{available.Port!.Value.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (WaitFailedException e)
        {
            await DeleteAsync(rds, id);
            throw new InvalidOperationException(e.Message, e);
        }
        catch
        {
            await DeleteAsync(rds, id); // also after Ctrl-C: a scratch instance costs money by the hour
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await DeleteAsync(rds, Name);

    /// <summary>Deletes the instance; a failure is a warning, never thrown over the reason the drill ends, since the next drill deletes it.</summary>
    public static async Task DeleteAsync(Rds rds, string id)
    {
        try
        {
            await rds.DeleteScratchDbInstance(id, CancellationToken.None);
            Log.Information($"deleting the drill's RDS instance {id} (no final snapshot)");
        }
        catch (AwsServiceException e) when (e.Code == "DBInstanceNotFound")
        {
            // Never created, or already gone.
        }
        catch (AwsServiceException e)
        {
            Log.Warning($"Could not delete the drill's RDS instance {id} ({e.Code}: {e.Detail}); the next RecoveryDrill deletes it.");
        }
    }
}
