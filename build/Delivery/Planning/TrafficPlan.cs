namespace Pipeline.Delivery.Planning;

/// <summary>
/// How traffic would move, from the deploy's settings: the steps (a first deploy moves everything at once, with no bake:
/// there is nothing to compare with), the bake per step and the analysis that watches it, and the expected duration:
/// at least the bakes, at most the bakes plus the stage and health deadlines, and about the bakes plus what the last
/// deploy of the environment took beyond its own waits (else the middle of the range).
/// </summary>
public sealed record TrafficPlan(IReadOnlyList<int> Steps, TimeSpan Bake, AnalysisSettings Analysis, TimeSpan Shortest, TimeSpan Longest)
{
    /// <summary>The last deploy's time beyond its bakes and drains (its record's seconds less its configured waits), when known.</summary>
    public TimeSpan? Overhead { get; init; }

    public static TrafficPlan For(DeploymentSettings settings, bool firstDeploy)
    {
        IReadOnlyList<int> steps = firstDeploy ? [100] : settings.Steps.Percentages;
        var bakes = firstDeploy ? TimeSpan.Zero : settings.BakeTime * steps.Count;
        return new TrafficPlan(steps, firstDeploy ? TimeSpan.Zero : settings.BakeTime, settings.Analysis, bakes, bakes + settings.StageTimeout + settings.HealthTimeout);
    }

    /// <summary>A rollback's flip: weights set and read back, seconds.</summary>
    public static TrafficPlan Flip(DeploymentSettings settings) => new([100], TimeSpan.Zero, settings.Analysis, TimeSpan.Zero, TimeSpan.FromSeconds(10));

    /// <summary>What "about" means on the plan's last line.</summary>
    public TimeSpan Expected => Overhead is { } overhead ? Shortest + overhead : (Shortest + Longest) / 2;
}
