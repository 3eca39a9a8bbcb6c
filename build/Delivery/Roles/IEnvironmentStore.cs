namespace Pipeline.Delivery.Roles;

/// <summary>
/// The state role: what is live where, kept by the platform itself so every run and every machine reads the same,
/// and the deploy lock beside it (ECS: listener tags; local: files beside the router).
/// </summary>
public interface IEnvironmentStore
{
    Task<EnvironmentState> ReadStateAsync(CancellationToken cancellation);

    /// <summary>Replaces the stored state; atomic, so a crash leaves the old state or the new one.</summary>
    Task WriteStateAsync(EnvironmentState state, CancellationToken cancellation);

    /// <summary>
    /// Takes the lock when nobody holds it, or when <paramref name="replacing"/> is exactly its current holder.
    /// Returns null when taken, otherwise the holder.
    /// </summary>
    Task<DeployLock?> TryAcquireLockAsync(DeployLock wanted, DeployLock? replacing, CancellationToken cancellation);

    /// <summary>Releases the lock when <paramref name="held"/> still holds it (never someone else's).</summary>
    Task ReleaseLockAsync(DeployLock held, CancellationToken cancellation);
}
