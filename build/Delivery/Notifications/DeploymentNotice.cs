namespace Pipeline.Delivery.Notifications;

/// <summary>How a deploy or rollback ended, for people to hear of it (a chat webhook).</summary>
public enum NoticeKind
{
    Deployed,
    Aborted,
    RolledBack,
    Failed,
}

/// <summary>What happened, in the summary's words ("deployed 1.4.0 (sha256:3f2a…) to green, 100%, in 41 s").</summary>
public sealed record DeploymentNotice(NoticeKind Kind, string Environment, string Text);
