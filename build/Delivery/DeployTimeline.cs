using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// Times one deploy as it goes: each phase, each traffic step with its analysis, each weight the new color got, the
/// abort, and the waits that were configured rather than spent. Times are seconds since the deploy started.
/// </summary>
public sealed class DeployTimeline(IDeployClock clock)
{
    private readonly List<PhaseTiming> phases = [];
    private readonly List<StepRecord> steps = [];
    private readonly List<WeightChange> weights = [];
    private string? phase;
    private DateTimeOffset phaseStart;

    public DateTimeOffset Started { get; } = clock.UtcNow;

    public TimeSpan ConfiguredWaits { get; private set; }

    public IReadOnlyList<StepRecord> Steps => steps;

    public IReadOnlyList<WeightChange> WeightChanges => weights;

    public DeployAbort? Abort { get; private set; }

    public TimeSpan Elapsed => clock.UtcNow - Started;

    public void Begin(string name)
    {
        End();
        (phase, phaseStart) = (name, clock.UtcNow);
    }

    public void Step(int percent, DateTimeOffset began, IEnumerable<Measurement> analysis) =>
        steps.Add(new StepRecord(percent, Seconds(clock.UtcNow - began), analysis.ToList(), Seconds(began - Started)));

    /// <summary>The router confirmed this share of traffic for the new color.</summary>
    public void Weighted(int percent) => weights.Add(new WeightChange(Seconds(Elapsed), percent));

    public void Aborted(string reason) => Abort = new DeployAbort(Seconds(Elapsed), reason);

    /// <summary>Bake and drain time: spent on purpose, so not the deploy's own overhead.</summary>
    public void Waited(TimeSpan time) => ConfiguredWaits += time;

    public IReadOnlyList<PhaseTiming> Phases()
    {
        End();
        return phases;
    }

    private void End()
    {
        if (phase is not null)
            phases.Add(new PhaseTiming(phase, Seconds(clock.UtcNow - phaseStart)));
        phase = null;
    }

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 2);
}
