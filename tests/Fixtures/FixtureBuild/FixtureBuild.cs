using Engine;

/// <summary>
/// The build that tests/Build.Tests runs as a process where the repository's own build cannot serve: Hold runs a tool
/// with children to be interrupted, CleanUp (assured) may run one too, Pass succeeds without any solution.
/// </summary>
internal sealed class FixtureBuild : BuildBase
{
    [Parameter("How long Hold's tool sleeps")] public readonly TimeSpan HoldFor = TimeSpan.FromMinutes(5);
    [Parameter("How long CleanUp's tool sleeps")] public readonly TimeSpan CleanUpFor = TimeSpan.Zero;

    public Target Pass => _ => _
        .Description("Succeed at once")
        .Executes(() => Log.Information("Passed."));

    public Target Hold => _ => _
        .Description("Run a tool whose children sleep")
        .Executes(cancellation => Sleep(HoldFor, cancellation));

    public Target CleanUp => _ => _
        .Description("Run after Hold, even when it was cancelled")
        .AssuredAfterFailure()
        .TriggeredBy(Hold)
        .Executes(async cancellation =>
        {
            await Sleep(CleanUpFor, cancellation);
            Log.Information("Cleaned up.");
        });

    public Target BrokenCondition => _ => _
        .Description("A static condition that throws")
        .OnlyWhenStatic(() => throw new InvalidOperationException("the condition broke"))
        .Executes(() => Log.Information("Ran anyway."));

    public static int Main() => Execute<FixtureBuild>(x => x.Pass);

    // A shell with a child in the background and one in the foreground: as in any non-interactive shell, the background
    // one ignores Ctrl-C, and it outlives the shell unless the build stops it.
    private static Task Sleep(TimeSpan duration, CancellationToken cancellation)
    {
        var seconds = (int)duration.TotalSeconds;
        return ToolRunner.RunAsync(new ToolInvocation("bash", ["-c", $"sleep {seconds} & sleep {seconds}; wait"]), cancellation);
    }
}
