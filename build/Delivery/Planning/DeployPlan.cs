using System.Text.Json;
using Engine;
using Pipeline.Database;
using Pipeline.IO;

namespace Pipeline.Delivery.Planning;

/// <summary>
/// What a deploy or rollback would do, read without changing anything (./build.sh DeployStaging --plan): the live
/// release, the new one and its color, the definition's changes, the migrations, the traffic steps and how long it
/// should take, and every reason it would stop. Written as artifacts/deploy-plan.json; <see cref="Summary"/> is its last line.
/// </summary>
public sealed record DeployPlan
{
    public required string Target { get; init; }
    public required string Action { get; init; }
    public required string Environment { get; init; }
    public required string Platform { get; init; }
    /// <summary>False when the platform could not be read (not provisioned, not up): then nothing is known of what is live.</summary>
    public bool EnvironmentRead { get; init; } = true;

    public PlannedRelease? Live { get; init; }
    public PlannedRelease? New { get; init; }

    /// <summary>How the new release gets its traffic: "steps", "at once" (a first deploy), "flip" (a rollback to a standby), "none" (already live).</summary>
    public string Route { get; init; } = "steps";

    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
    public MigrationPreview? Migrations { get; init; }
    public TrafficPlan? Traffic { get; init; }

    /// <summary>What the plan noticed that does not stop it (a dead holder's lock taken over, a repair first).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<string> WouldStop { get; init; } = [];

    public bool GoAhead => WouldStop.Count == 0;

    public string Summary => DeployPlanSummary.Of(this);

    public static AbsolutePath PathIn(AbsolutePath artifacts) => artifacts / "deploy-plan.json";

    public void Write(AbsolutePath artifacts) => AtomicFile.WriteAllText(PathIn(artifacts), JsonSerializer.Serialize(this, DeliveryJson.Options) + "\n");
}

/// <summary>A release in a plan: its color (null: not decided), image, version, commit, the run that put it live and since when.</summary>
public sealed record PlannedRelease(Color? Color, string Image, string? Version, string? Commit, string? RunId = null, DateTimeOffset? Since = null)
{
    /// <summary>"0.1.0-dev.186", or the image alone without a version.</summary>
    public string Name => Version ?? Image;
}

/// <summary>One field of the definition that changes from the live color to the new one; null: absent on that side.</summary>
public sealed record FieldChange(string Field, string? Live, string? New);
