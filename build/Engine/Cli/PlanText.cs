using System.Text;
using Engine.Planning;

namespace Engine.Cli;

/// <summary>--plan: the order as text, and the graph as Mermaid for artifacts/plan.md.</summary>
internal static class PlanText
{
    public static string Render(ExecutionPlan plan, int maxParallel)
    {
        var text = new StringBuilder().AppendLine($"Plan for {string.Join(" ", plan.Invoked)}{(maxParallel > 1 ? $" (up to {maxParallel} at once)" : "")}:");
        var step = 1;
        foreach (var wave in plan.Waves())
        {
            foreach (var target in wave)
            {
                var after = plan.PlannedPredecessors(target).ToList();
                var note = plan.SkipReasons.TryGetValue(target, out var reason) ? $"  [skipped: {reason}]" : "";
                text.AppendLine($"  {step,2}. {target.Name}{(after.Count > 0 ? $"  after {string.Join(", ", after)}" : "")}{note}");
            }

            step++;
        }

        return text.Append("Targets with the same number can run side by side (--parallel).").ToString();
    }

    public static string Mermaid(ExecutionPlan plan)
    {
        var text = new StringBuilder().AppendLine("# Execution plan").AppendLine().AppendLine("```mermaid").AppendLine("graph LR");
        foreach (var target in plan.Targets)
        {
            var style = plan.SkipReasons.ContainsKey(target) ? ":::skipped" : "";
            text.AppendLine($"    {target.Name}[{target.Name}]{style}");
        }

        foreach (var target in plan.Targets)
        {
            foreach (var dependency in target.ExecutionDependencies.Where(plan.Contains))
                text.AppendLine($"    {dependency.Name} --> {target.Name}");
            foreach (var before in target.OrderDependencies.Where(plan.Contains))
                text.AppendLine($"    {before.Name} -.-> {target.Name}");
            foreach (var trigger in target.TriggerDependencies.Where(plan.Contains))
                text.AppendLine($"    {trigger.Name} ==>|triggers| {target.Name}");
        }

        return text.AppendLine("    classDef skipped stroke-dasharray: 5 5,color:#888").AppendLine("```").ToString();
    }
}
