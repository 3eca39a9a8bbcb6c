using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>How a deploy proceeds: steps and bake time, the waits' deadlines, and what the analysis tolerates.</summary>
public sealed record DeploymentSettings
{
    /// <summary>The defaults, written here once: a deploy parameter given nowhere reads its value from these.</summary>
    public static DeploymentSettings Default { get; } = new();

    public TrafficSteps Steps { get; init; } = TrafficSteps.Default;

    /// <summary>How long each step's traffic is watched before the next step.</summary>
    public TimeSpan BakeTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline for the new color to be running after it was started.</summary>
    public TimeSpan StageTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Deadline for the new color to be healthy once it runs.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Between two looks at something awaited (state, health).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two looks while nothing changes (backing off from <see cref="PollInterval"/>).</summary>
    public TimeSpan? MaxPollInterval { get; init; }

    public PollPace PollPace => new(PollInterval, MaxPollInterval is { } max && max > PollInterval ? max : PollInterval);

    /// <summary>How long a stopped color's open connections may take to finish.</summary>
    public TimeSpan DrainTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the old color keeps running after a deploy, so Rollback is a flip; zero stops it at once.</summary>
    public TimeSpan StandbyGrace { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the deploy lock is held before another deploy may take it over (when asked).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Take over a lock past its expiry.</summary>
    public bool TakeOverExpiredLock { get; init; }

    /// <summary>Deploy even when the image is already live.</summary>
    public bool Force { get; init; }

    /// <summary>A periodic status line while waiting, at most this often.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(5);

    public AnalysisSettings Analysis { get; init; } = new();
}

/// <summary>
/// The bake-time analysis in Argo Rollouts' terms: a measurement every <see cref="Interval"/>; a measurement fails
/// above the 5xx rate or mean response time; more than <see cref="FailureLimit"/> failed measurements, more than
/// <see cref="InconclusiveLimit"/> with too few requests to judge, or more than <see cref="ConsecutiveErrorLimit"/>
/// measurements in a row that could not be taken, abort the deploy.
/// </summary>
public sealed record AnalysisSettings
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The highest acceptable share of 5xx answers (0.01 = 1%).</summary>
    public double MaxErrorRate { get; init; } = 0.01;

    /// <summary>The highest acceptable mean response time.</summary>
    public TimeSpan MaxResponseTime { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Fewer requests than this in a measurement make it inconclusive rather than a pass.</summary>
    public int MinRequests { get; init; } = 1;

    public int FailureLimit { get; init; }

    /// <summary>Inconclusive measurements allowed; null: any number, so a quiet environment (no traffic at all) passes.</summary>
    public int? InconclusiveLimit { get; init; }

    public int ConsecutiveErrorLimit { get; init; } = 4;
}
