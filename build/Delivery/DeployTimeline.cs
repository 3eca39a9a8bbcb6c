using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>Times one deploy as it goes: each phase, each traffic step with its analysis, and the waits that were configured rather than spent.</summary>
public sealed class DeployTimeline(IDeployClock clock)
{
    private readonly List<PhaseTiming> phases = [];
    private readonly List<StepRecord> steps = [];
    private string? phase;
    private DateTimeOffset phaseStart;

    public DateTimeOffset Started { get; } = clock.UtcNow;

    public TimeSpan ConfiguredWaits { get; private set; }

    public IReadOnlyList<StepRecord> Steps => steps;

    public TimeSpan Elapsed => clock.UtcNow - Started;

    public void Begin(string name)
    {
        End();
        (phase, phaseStart) = (name, clock.UtcNow);
    }

    public void Step(int percent, TimeSpan took, IEnumerable<Measurement> analysis) => steps.Add(new StepRecord(percent, Math.Round(took.TotalSeconds, 2), analysis.ToList()));

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
            phases.Add(new PhaseTiming(phase, Math.Round((clock.UtcNow - phaseStart).TotalSeconds, 2)));
        phase = null;
    }
}
