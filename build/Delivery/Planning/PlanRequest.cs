using Pipeline.Database;

namespace Pipeline.Delivery.Planning;

/// <summary>
/// What a plan is asked about: the target and environment; the release to deploy (null when it could not be told, with
/// the reason among <see cref="Stops"/>; unused by a rollback); how MigrateDb would go when it is part of the run;
/// reasons found before the platform is read (a dirty tree, a digest staging never ran); and the target that would make
/// the environment first when it is not up (DeployLocal's LocalEnvironment), so that is no reason to stop.
/// </summary>
public sealed record PlanRequest(string Target, string Environment)
{
    public PlannedRelease? Release { get; init; }
    public Func<CancellationToken, Task<MigrationPreview>>? Migrations { get; init; }
    public IReadOnlyList<string> Stops { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    public string? MakesEnvironment { get; init; }

    /// <summary>What the environment's last deploy took beyond its configured waits: the plan's "about" adds it to the bakes.</summary>
    public TimeSpan? Overhead { get; init; }
}
