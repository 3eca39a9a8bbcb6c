using System.Text;

namespace Engine.Workflows;

/// <summary>
/// A workflow's jobs as a Mermaid flowchart for the README: one node per job (its targets, and its environment),
/// an arrow per need; the arrows into a failure-path job are dotted and labelled.
/// </summary>
public static class JobGraphMermaid
{
    public static string Render(WorkflowPlan plan)
    {
        var text = new StringBuilder().Append("```mermaid\n").Append("flowchart LR\n");
        foreach (var job in plan.Jobs)
        {
            var environment = job.Declaration switch
            {
                { Environments.Count: > 0 } => $" · {string.Join(", ", job.Declaration.Environments)}",
                { Environment: { } name } => $" · {name}",
                _ => "",
            };
            text.Append($"    {NodeId(job)}[\"{job.Id}: {job.Name}{environment}\"]\n");
        }

        foreach (var job in plan.Jobs)
        {
            foreach (var need in job.Needs)
            {
                var arrow = job.IsFailurePath ? " -. on failure .-> " : job.Condition is not null ? " -. always .-> " : " --> ";
                text.Append($"    {NodeId(need)}{arrow}{NodeId(job)}\n");
            }
        }

        return text.Append("```\n").ToString();
    }

    // Mermaid reads "--" inside an id as the start of an arrow.
    private static string NodeId(WorkflowJob job) => job.Id.Replace('-', '_');
}
