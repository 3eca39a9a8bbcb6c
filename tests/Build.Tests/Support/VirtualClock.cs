namespace BuildTests;

/// <summary>Time that moves only when the code under test waits: bake times and deadlines of minutes take no real time in tests.</summary>
internal sealed class VirtualClock : IDeployClock
{
    public DateTimeOffset UtcNow { get; private set; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Runs at every wait, after time moved: a test's way to act "during" a deploy or a wait.</summary>
    public Action? OnDelay { get; set; }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        UtcNow += delay;
        OnDelay?.Invoke();
        cancellation.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    public void Advance(TimeSpan time) => UtcNow += time;
}
