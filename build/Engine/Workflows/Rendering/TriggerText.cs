namespace Engine.Workflows;

/// <summary>A workflow's triggers in one line of prose, for the README: "pushes to main, pull requests to main".</summary>
internal static class TriggerText
{
    public static string Describe(WorkflowTriggers on)
    {
        var parts = new List<string>();
        if (on.Push is { } push)
        {
            parts.AddRange(push.Branches.Count > 0 ? [$"pushes to {List(push.Branches)}"] : push.Tags.Count == 0 ? ["every push"] : []);
            if (push.Tags.Count > 0)
                parts.Add($"tags {List(push.Tags)}");
        }

        if (on.PullRequest is { } pullRequest)
            parts.Add(pullRequest.Branches.Count > 0 ? $"pull requests to {List(pullRequest.Branches)}" : "pull requests");
        parts.AddRange(on.Schedules.Select(cron => $"schedule `{cron}`"));
        if (on.Dispatch is { } dispatch)
            parts.Add(dispatch.Inputs.Count > 0 ? $"manual runs (inputs: {List(dispatch.Inputs.Select(i => i.Parameter))})" : "manual runs");
        return string.Join(", ", parts);
    }

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"`{v}`"));
}
