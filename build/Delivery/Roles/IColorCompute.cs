using Pipeline.Images;

namespace Pipeline.Delivery.Roles;

/// <summary>
/// The compute role: what runs on each color. Starts an image on a color, says what runs there and how it fares,
/// stops it after its connections drained (ECS: a service per color; local: a container per color).
/// </summary>
public interface IColorCompute
{
    /// <summary>How many instances of the color run now (0 when stopped).</summary>
    Task<int> CapacityAsync(Color color, CancellationToken cancellation);

    /// <summary>Starts the image on the color at the given capacity, replacing whatever ran there; returns once started, not once healthy.</summary>
    Task StageAsync(Color color, StageRequest request, CancellationToken cancellation);

    /// <summary>The color's instances as the platform sees them: starting, running, or failed (with why).</summary>
    Task<ColorStatus> ObserveAsync(Color color, CancellationToken cancellation);

    /// <summary>After a deploy went live: removes what is no longer needed (ECS: old task definition revisions).</summary>
    Task TidyAsync(CancellationToken cancellation) => Task.CompletedTask;

    /// <summary>Stops the color after its open connections drain (at most <paramref name="drain"/>); stopping a stopped color does nothing.</summary>
    Task StopAsync(Color color, TimeSpan drain, CancellationToken cancellation);
}

/// <summary>What to start on a color: the image by digest at a capacity, and what it should report on /version.</summary>
public sealed record StageRequest(ImageDigest Image, int Capacity, string? Version, string? Commit);

public enum ColorState
{
    Stopped,
    Starting,
    Running,
    Failed,
}

/// <summary>A color's instances: their state and, for a failure, why (exit code, restarts, the last log lines).</summary>
public sealed record ColorStatus(ColorState State, string Detail, string? Image = null, int? ExitCode = null, int Restarts = 0, IReadOnlyList<string>? LastLogLines = null);
