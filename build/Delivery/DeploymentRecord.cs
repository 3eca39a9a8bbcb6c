using System.Text.Json;
using Engine;
using Pipeline.IO;

namespace Pipeline.Delivery;

/// <summary>
/// artifacts/deployment.json: what a deploy or rollback did (colors, images, each step with its timing and
/// analysis, the outcome and why), for people and for the next target or CI job. The outcome is the truth.
/// </summary>
public sealed record DeploymentRecord
{
    private static JsonSerializerOptions Json => DeliveryJson.Options;

    public required string Environment { get; init; }
    public required string Platform { get; init; }
    public required string Action { get; init; }
    public required string RunId { get; init; }
    public required string Image { get; init; }
    public string? Version { get; init; }
    public string? Commit { get; init; }
    public Color? FromColor { get; init; }
    public string? FromImage { get; init; }
    public Color? ToColor { get; init; }
    public DeploymentOutcome Outcome { get; init; }
    public string? Reason { get; init; }

    /// <summary>The share of traffic the new color had when the deploy ended (0 after an abort).</summary>
    public int TrafficPercent { get; init; }

    public DateTimeOffset Started { get; init; }
    public DateTimeOffset Ended { get; init; }
    public double Seconds { get; init; }

    /// <summary>Time spent on purpose (bake and drain): the deploy's own overhead is <see cref="Seconds"/> minus this.</summary>
    public double ConfiguredWaitSeconds { get; init; }

    public IReadOnlyList<PhaseTiming> Phases { get; init; } = [];
    public IReadOnlyList<StepRecord> Steps { get; init; } = [];

    /// <summary>Each share of traffic the router confirmed for the new color, in order: the steps, and 0 after an abort.</summary>
    public IReadOnlyList<WeightChange> WeightChanges { get; init; } = [];

    /// <summary>When and why the shift was aborted; null when it was not.</summary>
    public DeployAbort? Abort { get; init; }
    public IReadOnlyList<string> Events { get; init; } = [];

    public bool Succeeded => Outcome is DeploymentOutcome.Deployed or DeploymentOutcome.AlreadyLive or DeploymentOutcome.RolledBack;

    public static AbsolutePath PathIn(AbsolutePath artifacts) => artifacts / "deployment.json";

    public void Write(AbsolutePath artifacts) => AtomicFile.WriteAllText(PathIn(artifacts), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The record this run's deploy wrote, or null when there is none (or it is unreadable).</summary>
    public static DeploymentRecord? TryRead(AbsolutePath artifacts)
    {
        try
        {
            return File.Exists(PathIn(artifacts)) ? JsonSerializer.Deserialize<DeploymentRecord>(File.ReadAllText(PathIn(artifacts)), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public enum DeploymentOutcome
{
    Deployed,
    AlreadyLive,

    /// <summary>Stopped before any production traffic reached the new color (it never became healthy, or the smoke tests failed).</summary>
    Failed,

    /// <summary>Stopped during the shift: traffic went back to the old color.</summary>
    Aborted,
    RolledBack,
}

public sealed record PhaseTiming(string Phase, double Seconds);

/// <param name="AtSeconds">When the step began, in seconds since the deploy started.</param>
public sealed record StepRecord(int Percent, double Seconds, IReadOnlyList<Measurement> Analysis, double AtSeconds);

/// <param name="Percent">The new color's share of production traffic from then on.</param>
public sealed record WeightChange(double AtSeconds, int Percent);

public sealed record DeployAbort(double AtSeconds, string Reason);
