/// <summary>Told how a deploy or rollback ended (success, abort, rollback), for people to hear of it (a chat webhook).</summary>
public interface IDeploymentNotifier
{
    /// <summary>Must not throw: a notification that cannot be sent is a warning, never a failed deploy.</summary>
    Task NotifyAsync(DeploymentNotice notice, CancellationToken cancellation);
}

public enum NoticeKind
{
    Deployed,
    Aborted,
    RolledBack,
    Failed,
}

/// <summary>What happened, in the summary's words ("deployed 1.4.0 (sha256:3f2a…) to green, 100%, in 41 s").</summary>
public sealed record DeploymentNotice(NoticeKind Kind, string Environment, string Text);
