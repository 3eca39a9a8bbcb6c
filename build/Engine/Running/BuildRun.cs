namespace Engine.Running;

/// <summary>
/// The run in progress as targets may ask about it (NUKE's InvokedTargets, FailedTargets, IsFailing): a rollback
/// target runs only when something it guards failed, or when it was asked for by name.
/// </summary>
internal sealed class BuildRun(IReadOnlyList<ExecutableTarget> invoked, IReadOnlyCollection<TargetResult> results)
{
    private static readonly AsyncLocal<BuildRun?> CurrentRun = new();

    public static BuildRun? Current
    {
        get => CurrentRun.Value;
        set => CurrentRun.Value = value;
    }

    public IReadOnlyList<string> InvokedTargets { get; } = invoked.Select(t => t.Name).ToList();

    public IReadOnlyList<string> FailedTargets =>
        results.Where(r => r.Status is TargetStatus.Failed or TargetStatus.Aborted).Select(r => r.Target.Name).ToList();
}
