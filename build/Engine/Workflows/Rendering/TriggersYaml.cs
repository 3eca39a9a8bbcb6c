namespace Engine.Workflows;

/// <summary>The <c>on:</c> block: push, pull_request, schedule and workflow_dispatch with its typed inputs.</summary>
internal static class TriggersYaml
{
    public static YamlMap Render(WorkflowTriggers on, IReadOnlyList<PlannedInput> inputs)
    {
        var map = new YamlMap();
        if (on.Push is { } push)
        {
            map.Add("push", new YamlMap
            {
                { "branches", new YamlSequence(push.Branches).NullIfEmpty() },
                { "tags", new YamlSequence(push.Tags).NullIfEmpty() },
                { "paths", new YamlSequence(push.Paths).NullIfEmpty() },
            });
        }

        if (on.PullRequest is { } pullRequest)
        {
            map.Add("pull_request", new YamlMap
            {
                { "branches", new YamlSequence(pullRequest.Branches).NullIfEmpty() },
                { "paths", new YamlSequence(pullRequest.Paths).NullIfEmpty() },
            });
        }

        if (on.Schedules.Count > 0)
        {
            var schedules = new YamlSequence();
            foreach (var cron in on.Schedules)
                schedules.Add(new YamlMap { { "cron", cron } });
            map.Add("schedule", schedules);
        }

        if (on.Dispatch is not null)
            map.Add("workflow_dispatch", inputs.Count == 0 ? new YamlMap() : new YamlMap { { "inputs", Inputs(inputs) } });
        return map;
    }

    private static YamlMap Inputs(IReadOnlyList<PlannedInput> inputs)
    {
        var map = new YamlMap();
        foreach (var input in inputs)
        {
            var typedDefault = input.Type is "boolean" or "number" && input.Default is { } value ? new YamlScalar(value, isTyped: true) : null;
            map.Add(input.Name, new YamlMap
            {
                { "description", input.Description },
                { "required", input.Required },
                { "type", input.Type },
                { "options", input.Options.Count > 0 ? new YamlSequence(input.Options) : null },
                { "default", typedDefault ?? (input.Default is { } text ? new YamlScalar(text) : null) },
            });
        }

        return map;
    }
}
