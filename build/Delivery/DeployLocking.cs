using Pipeline.Delivery.Roles;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// Takes the environment's deploy lock for the length of a deploy or rollback. A holder is taken over only when it
/// is known dead (this host, its process gone: a crashed or killed build) or, when asked, once it has expired.
/// </summary>
public sealed class DeployLocking(IEnvironmentStore store, IDeployClock clock, DeploymentLog log, Func<int, bool> processIsAlive)
{
    public static bool ProcessIsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// How <paramref name="owner"/> may take over <paramref name="holder"/>'s lock, or null when it may not: a holder on
    /// this host whose process is gone is known dead; an expired one only when asked. A deploy's plan asks the same.
    /// </summary>
    public static string? TakeOver(DeployLock holder, DeployOwner owner, DateTimeOffset now, bool takeOverExpired, Func<int, bool> processIsAlive)
    {
        var dead = holder.Host == owner.Host && holder.ProcessId != owner.ProcessId && !processIsAlive(holder.ProcessId);
        return dead ? $"taking over the lock of {holder.Describe()}: its process is gone"
            : takeOverExpired && holder.IsExpired(now) ? $"taking over the expired lock of {holder.Describe()}"
            : null;
    }

    public async Task<DeployLock> AcquireAsync(string environment, DeployOwner owner, TimeSpan timeout, bool takeOverExpired, CancellationToken cancellation)
    {
        var now = clock.UtcNow;
        var wanted = new DeployLock(owner.Name, owner.RunId, owner.Host, owner.ProcessId, now, now + timeout);
        var holder = await store.TryAcquireLockAsync(wanted, null, cancellation);
        if (holder is null)
            return wanted;

        if (TakeOver(holder, owner, now, takeOverExpired, processIsAlive) is not { } takeOver)
            throw new DeployLockHeldException(holder, environment);

        log.Event(takeOver);
        if (await store.TryAcquireLockAsync(wanted, holder, cancellation) is { } other)
            throw new DeployLockHeldException(other, environment);
        return wanted;
    }
}
