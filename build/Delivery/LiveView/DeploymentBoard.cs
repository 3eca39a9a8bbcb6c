using Pipeline.Delivery.Roles;
using Pipeline.Waiting;

namespace Pipeline.Delivery.LiveView;

/// <summary>
/// The live table's model: what the deploy told (events, waits, the bake's measurements) and what the platform
/// answered (state, health, weights), kept up to date as it happens and read as a <see cref="BoardSnapshot"/> by the
/// drawing thread. Every text is redacted on the way in, as every line the build prints is.
/// </summary>
public sealed class DeploymentBoard(string environment, DeploymentSettings settings, IDeployClock clock, Func<string, string> redact) : IPlatformObserver
{
    private const int EventsShown = 5;
    private const int MeasurementsShown = 3;
    private const int StoppedReasonsShown = 2;
    private readonly Lock gate = new();
    private readonly Dictionary<Color, ColorFacts> colors = new() { [Color.Blue] = new(), [Color.Green] = new() };
    private readonly Queue<string> events = new();
    private readonly Queue<Measurement> measurements = new();
    private readonly Queue<string> stopped = new();
    private EnvironmentState state = EnvironmentState.Empty;
    private string? title;
    private string? phase;
    private int? step;
    private (TimeSpan Total, DateTimeOffset Started)? bake;
    private (string Awaited, TimeSpan Elapsed, TimeSpan Deadline, string Observed, DateTimeOffset At)? wait;

    public void Event(string text) => Update(() =>
    {
        title ??= redact(text);
        Keep(events, $"{clock.UtcNow.ToLocalTime():HH:mm:ss} {redact(text)}", EventsShown);
        wait = null; // an event ends what was awaited, or is news beside it: the next look says again
    });

    public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed) =>
        Update(() => wait = (redact(awaited), elapsed, deadline, redact(observed), clock.UtcNow));

    public void Baking(int percent, TimeSpan total) => Update(() => (step, bake, wait) = (percent, (total, clock.UtcNow), null));

    public void Measured(int percent, TimeSpan elapsed, TimeSpan total, Measurement latest) => Update(() =>
    {
        // The deploy's own reckoning of the bake, so the ticking elapsed time never drifts from what it decides on.
        (step, bake) = (percent, (total, clock.UtcNow - elapsed));
        Keep(measurements, latest with { Text = redact(latest.Text) }, MeasurementsShown);
    });

    public void State(EnvironmentState read) => Update(() =>
    {
        state = read;
        if (read.InProgress is { } attempt)
        {
            phase = attempt.Phase;
            int? shifting = attempt.Phase.StartsWith("shift ", StringComparison.Ordinal) && int.TryParse(attempt.Phase[6..].TrimEnd('%'), out var percent) ? percent : null;
            if (shifting != step)
                bake = null; // the next step's bake has not begun
            step = shifting;
        }
        else if (phase is not null)
        {
            (phase, bake) = ("done", null);
        }

        foreach (var release in new[] { read.Live, read.Previous }.OfType<ColorRelease>())
            colors[release.Color].Release = redact(Describe(release.Version, release.Image));
    });

    public void Staged(Color color, StageRequest request) => Update(() =>
    {
        colors[color].Staged(request);
        colors[color].Release = redact(DeployRequest.Describe(request.Version, request.Image));
    });

    public void Capacity(Color color, int running) => Update(() => colors[color].Counted(running));

    public void Observed(Color color, ColorStatus status) => Update(() =>
    {
        colors[color].Observed(status);
        if (status.State == ColorState.Failed)
        {
            var lastLine = status.LastLogLines is { Count: > 0 } lines ? $", last log line: {lines[^1]}" : "";
            Keep(stopped, redact($"{color.Name()}: {StoppedReason.Of(status)}{lastLine}"), StoppedReasonsShown, distinct: true);
        }
    });

    public void Health(Color color, HealthReading health) =>
        Update(() => colors[color].Health = redact(health.Healthy ? "healthy" : $"unhealthy: {health.Detail}"));

    public void Weights(TrafficWeights weights) => Update(() =>
    {
        colors[Color.Blue].Weight = weights.Blue;
        colors[Color.Green].Weight = weights.Green;
    });

    public void Stopped(Color color) => Update(() => colors[color].Stopped());

    public BoardSnapshot Snapshot()
    {
        lock (gate)
        {
            var now = clock.UtcNow;
            var steps = state.Live is null ? [100] : settings.Steps.Percentages; // a first deploy moves all traffic at once
            return new BoardSnapshot(
                title ?? environment,
                colors.Select(c => new ColorLine(c.Key, c.Value.Release ?? "–", Role(c.Key), c.Value.Instances, c.Value.Health ?? "–", c.Value.Weight)).ToList(),
                phase,
                step is { } percent ? new StepLine(percent, steps.ToList().IndexOf(percent) + 1, steps.Count) : null,
                bake is { } b ? new BakeLine(Min(now - b.Started, b.Total), b.Total) : null,
                wait is { } w ? new WaitLine(w.Awaited, Min(w.Elapsed + (now - w.At), w.Deadline), w.Deadline, w.Observed) : null,
                settings.Analysis,
                measurements.Reverse().ToList(),
                events.ToList(),
                stopped.ToList());
        }
    }

    private string Role(Color color) =>
        state.InProgress?.Color == color ? "new"
        : state.Live?.Color == color ? "live"
        : state.Previous?.Color == color && state.StandbyUntil is not null ? "standby"
        : "idle";

    private static string Describe(string? version, string image) =>
        Images.ImageDigest.TryParse(image) is { } digest ? DeployRequest.Describe(version, digest) : version ?? image;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void Keep<T>(Queue<T> queue, T item, int count, bool distinct = false)
    {
        if (distinct && queue.Contains(item))
            return;
        queue.Enqueue(item);
        while (queue.Count > count)
            queue.Dequeue();
    }

    private void Update(Action change)
    {
        lock (gate)
            change();
    }
}
