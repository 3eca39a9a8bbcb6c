/// <summary>Time as the deploy sees it: real in a build, virtual in the state machine's tests (no test waits for real).</summary>
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
