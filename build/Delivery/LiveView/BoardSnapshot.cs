namespace Pipeline.Delivery.LiveView;

/// <summary>
/// What the live table shows at one moment, in words and numbers only: drawn by <see cref="BoardTable"/>. Its title is
/// the deploy's first line ("deploying 1.4.0 (sha256:…) to staging on …", "rolling back …").
/// </summary>
public sealed record BoardSnapshot(
    string Title,
    IReadOnlyList<ColorLine> Colors,
    string? Phase,
    StepLine? Step,
    BakeLine? Bake,
    WaitLine? Wait,
    AnalysisSettings Limits,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> StoppedReasons);

/// <summary>One color's row: its release, its role in this deploy (live, new, standby, idle), instances, health, weight.</summary>
public sealed record ColorLine(Color Color, string Release, string Role, string Instances, string Health, int? Weight);

/// <summary>The traffic step under way: its percentage, and which of how many it is.</summary>
public sealed record StepLine(int Percent, int Number, int Count);

public sealed record BakeLine(TimeSpan Elapsed, TimeSpan Total);

/// <summary>A wait outside the bake (the new color to run, to be healthy): what, how long so far, its deadline, what was seen.</summary>
public sealed record WaitLine(string Awaited, TimeSpan Elapsed, TimeSpan Deadline, string Observed);
