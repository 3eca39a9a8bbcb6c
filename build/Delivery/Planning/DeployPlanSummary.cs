using System.Globalization;

namespace Pipeline.Delivery.Planning;

/// <summary>
/// A plan's last line, in one shape for people and scripts:
/// <c>plan: 0.1.0-dev.186 → green via 10,50,100 (3 × 3 min bake), 1 migration (compatible), about 11 min</c>, or
/// <c>plan: would stop: …</c> with every reason.
/// </summary>
public static class DeployPlanSummary
{
    public static string Of(DeployPlan plan)
    {
        if (!plan.GoAhead)
            return $"plan: would stop: {string.Join("; ", plan.WouldStop)}";
        var name = plan.New?.Name ?? "(nothing)";
        var color = plan.New?.Color?.Name() ?? "the idle color";
        var rollback = plan.Action == "rollback" ? "rollback to " : "";
        var parts = new List<string>
        {
            plan.Route switch
            {
                "none" => $"{name} is already live on {color}: nothing to do",
                "flip" => $"{rollback}{name} on {color} by a flip",
                "at once" => $"{rollback}{name} → {color} at once (first deploy)",
                _ => $"{rollback}{name} → {color} via {string.Join(",", plan.Traffic!.Steps)} ({plan.Traffic.Steps.Count} × {PlanDurations.Format(plan.Traffic.Bake)} bake)",
            },
        };
        if (plan.Migrations is { } migrations && plan.Route != "none")
            parts.Add(Migrations(migrations));
        if (plan.Traffic is { } traffic && plan.Route != "none")
            parts.Add($"about {PlanDurations.Format(traffic.Expected)}");
        return "plan: " + string.Join(", ", parts);
    }

    private static string Migrations(Database.MigrationPreview preview) => preview.Pending switch
    {
        null => "migrations not checked here",
        { Count: 0 } => "no migration",
        { Count: var count } => $"{count.ToString(CultureInfo.InvariantCulture)} migration{(count == 1 ? "" : "s")} ({(preview.Verdict.StartsWith("skipped", StringComparison.Ordinal) ? "nothing serves yet" : preview.Verdict)})",
    };
}
