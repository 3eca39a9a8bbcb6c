using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery.Planning;

/// <summary>
/// The field-by-field difference between what the live color runs and what the new one would, as ecs-deploy --diff
/// shows it: image, environment variable names (added, removed: values are never read), cpu, memory, ports. Only
/// fields that change are listed; with no live color, every field of the new one is.
/// </summary>
public static class DefinitionChanges
{
    public static IReadOnlyList<FieldChange> Between(ColorDefinition? live, ColorDefinition next)
    {
        var changes = new List<FieldChange>();
        Compare(changes, "image", live?.Image, next.Image);
        var before = live?.EnvironmentNames ?? [];
        var added = next.EnvironmentNames.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(next.EnvironmentNames, StringComparer.Ordinal).ToList();
        if (added.Count > 0 || removed.Count > 0)
            changes.Add(new FieldChange("environment", removed.Count > 0 ? string.Join(", ", removed) : null, added.Count > 0 ? string.Join(", ", added) : null));
        Compare(changes, "cpu", live?.Cpu, next.Cpu);
        Compare(changes, "memory", live?.Memory, next.Memory);
        Compare(changes, "ports", live is null ? null : string.Join(", ", live.Ports), string.Join(", ", next.Ports));
        return changes;
    }

    private static void Compare(List<FieldChange> changes, string field, string? live, string? next)
    {
        if (!string.Equals(live, next, StringComparison.Ordinal))
            changes.Add(new FieldChange(field, live, next));
    }
}
