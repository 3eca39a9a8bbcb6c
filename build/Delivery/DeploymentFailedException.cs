namespace Pipeline.Delivery;

/// <summary>A deploy or rollback that ended without doing what was asked: the message is the one line to print.</summary>
public sealed class DeploymentFailedException(string message) : Exception(message);

/// <summary>Another deploy holds the environment's lock: nothing was changed.</summary>
public sealed class DeployLockHeldException(DeployLock holder, string environment)
    : Exception($"{environment} is being deployed by {holder.Describe()}; wait for it, or, once it has expired, pass --take-over-lock")
{
    public DeployLock Holder { get; } = holder;
}
