namespace Pipeline.Waiting;

/// <summary>
/// Time as a deploy or a wait sees it: real in a build, virtual in tests (no test waits for real). Named for the deploy,
/// its first user; MigrateDb and RestoreDb wait on it too.
/// </summary>
public interface IDeployClock
{
    DateTimeOffset UtcNow { get; }

    Task DelayAsync(TimeSpan delay, CancellationToken cancellation);
}

public sealed class SystemDeployClock : IDeployClock
{
    public static readonly SystemDeployClock Instance = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellation) => Task.Delay(delay, cancellation);
}
