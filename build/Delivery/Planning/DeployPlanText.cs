using System.Text;

namespace Pipeline.Delivery.Planning;

/// <summary>A plan as the lines a person reads (the terminal, and as Markdown the step summary), ending with its one-line summary.</summary>
public static class DeployPlanText
{
    public static IReadOnlyList<string> Lines(DeployPlan plan)
    {
        var lines = new List<string> { $"{plan.Action} plan for {plan.Environment} ({plan.Target}) on {plan.Platform}:" };
        lines.Add(plan.Live is { } live
            ? $"  live:        {live.Color?.Name()} {Release(live)}{(live.Since is { } since ? $", since {since:u}" : "")}{(live.RunId is { } run ? $", by run {run}" : "")}"
            : plan.EnvironmentRead ? "  live:        nothing (the first deploy)" : "  live:        not known (the environment could not be read)");
        if (plan.New is { } next)
            lines.Add($"  new:         {Release(next)} → {next.Color?.Name() ?? "the idle color (known once the environment is read)"}");
        foreach (var (change, index) in plan.Changes.Select((c, i) => (c, i)))
            lines.Add($"  {(index == 0 ? "changes:" : ""),-12} {Change(change)}");
        if (plan.Migrations is { } migrations)
        {
            var pending = migrations.Pending is null ? "not known here" : migrations.Pending.Count == 0 ? "none pending" : $"{migrations.Pending.Count} pending ({string.Join(", ", migrations.Pending)})";
            lines.Add($"  migrations:  {pending}; {migrations.Verdict}; backup: {migrations.Backup ?? "none"}");
        }

        if (plan.Traffic is { } traffic && plan.Route != "none")
        {
            var analysis = traffic.Analysis;
            lines.Add(plan.Route == "flip"
                ? "  traffic:     all of it back at once (the previous color stands by)"
                : $"  traffic:     {string.Join("% → ", traffic.Steps)}%, bake {PlanDurations.Format(traffic.Bake)} per step, a measurement every {PlanDurations.Format(analysis.Interval)} (5xx at most {analysis.MaxErrorRate * 100:0.##}%, mean response at most {analysis.MaxResponseTime.TotalMilliseconds:0} ms, {analysis.FailureLimit} failed measurement(s) tolerated)");
            lines.Add($"  duration:    {PlanDurations.Format(traffic.Shortest)} to {PlanDurations.Format(traffic.Longest)}");
        }

        lines.AddRange(plan.Notes.Select(n => $"  note:        {n}"));
        lines.AddRange(plan.WouldStop.Select(r => $"  would stop:  {r}"));
        lines.Add(plan.Summary);
        return lines;
    }

    /// <summary>The same lines for the step summary: a heading, the plan as a code block, the verdict outside it.</summary>
    public static string Markdown(DeployPlan plan)
    {
        var lines = Lines(plan);
        return new StringBuilder()
            .AppendLine($"### {(plan.GoAhead ? "✅" : "⛔")} {plan.Action} plan for {plan.Environment}")
            .AppendLine().AppendLine("```").AppendJoin('\n', lines.Take(lines.Count - 1)).AppendLine().AppendLine("```")
            .AppendLine().AppendLine($"**{lines[^1]}**").ToString();
    }

    private static string Release(PlannedRelease release)
    {
        var details = new[] { release.Commit is { } commit ? $"commit {commit[..Math.Min(12, commit.Length)]}" : null, release.Version is null ? null : release.Image }.OfType<string>();
        return $"{release.Name} ({string.Join(", ", details)})".Replace(" ()", "", StringComparison.Ordinal);
    }

    private static string Change(FieldChange change) => change.Field == "environment"
        ? $"environment: {string.Join("; ", new[] { change.New is { } added ? $"+ {added}" : null, change.Live is { } removed ? $"− {removed}" : null }.OfType<string>())}"
        : $"{change.Field}: {change.Live ?? "(none)"} → {change.New ?? "(none)"}";
}
