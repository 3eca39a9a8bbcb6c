namespace Pipeline.Delivery.LiveView;

/// <summary>
/// Where a deploy tells what happens, as it happens: <see cref="DeploymentLog"/> writes here. Today's plain lines are
/// one view (<see cref="PlainDeploymentLines"/>, everywhere but an interactive terminal); the live table in a terminal
/// is the other, and it also watches the platform (<see cref="Observer"/>) for what the table shows per color.
/// </summary>
public interface IDeploymentView : IDisposable
{
    /// <summary>A state change: "staging … on green", "step 50%: …".</summary>
    void Event(string text);

    /// <summary>Something awaited is still pending: told after every look.</summary>
    void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed);

    /// <summary>A traffic step's bake begins: <paramref name="total"/> of watching the new color.</summary>
    void Baking(int percent, TimeSpan total);

    /// <summary>One measurement of the new color during a step's bake, <paramref name="elapsed"/> into it.</summary>
    void Measured(int percent, TimeSpan elapsed, TimeSpan total, Measurement latest);

    /// <summary>Told what the platform reports (releases, health, weights), or null when the view shows none of it.</summary>
    IPlatformObserver? Observer => null;
}
