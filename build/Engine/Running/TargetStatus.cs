namespace Engine;

public enum TargetStatus
{
    Scheduled,
    Running,
    Succeeded,
    Failed,
    Skipped,

    /// <summary>Not started because an earlier target failed or the build was cancelled.</summary>
    NotRun,

    /// <summary>Cancelled while running.</summary>
    Aborted,
}

/// <summary>What happened to one planned target: the row of the summary table.</summary>
public sealed class TargetResult(ExecutableTarget target)
{
    public ExecutableTarget Target { get; } = target;
    public TargetStatus Status { get; set; } = TargetStatus.Scheduled;
    public TimeSpan Duration { get; set; }

    /// <summary>One key line: a count, a digest, the reason for a skip or a failure.</summary>
    public string? Summary { get; set; }

    public bool IsFinished => Status is not (TargetStatus.Scheduled or TargetStatus.Running);

    public bool IsUnsuccessful => Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted;
}
