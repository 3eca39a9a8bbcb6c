using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery.LiveView;

/// <summary>
/// What the platform answered the deploy, as <see cref="WatchedPlatform"/> passes it on: the facts the live table
/// shows per color. Told after each call that succeeded; nothing here may change what the deploy does.
/// </summary>
public interface IPlatformObserver
{
    /// <summary>The state read or written: which color is live, which is new, which stands by, and the phase.</summary>
    void State(EnvironmentState state);

    void Staged(Color color, StageRequest request);

    void Capacity(Color color, int running);

    void Observed(Color color, ColorStatus status);

    void Health(Color color, HealthReading health);

    /// <summary>The weights the router applies, as read back.</summary>
    void Weights(TrafficWeights weights);

    void Stopped(Color color);
}
