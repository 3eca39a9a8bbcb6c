using System.Reflection;
using Engine.Targets;

namespace Engine.Workflows;

/// <summary>
/// Finds the <see cref="ExecutableTarget"/> a <see cref="Target"/> in a declaration stands for: the engine identifies a
/// target by its property, and two delegates read from the same property compare equal.
/// </summary>
internal sealed class TargetReferences
{
    private readonly List<(ExecutableTarget Target, Target Factory)> factories;

    public TargetReferences(BuildBase build, TargetGraph graph) =>
        factories = graph.Targets.Select(t => (t, (Target)Property(build.GetType(), t.Name).GetValue(build)!)).ToList();

    public ExecutableTarget? Find(Target reference)
    {
        foreach (var (target, factory) in factories)
        {
            if (factory.Equals(reference))
                return target;
        }

        return null;
    }

    /// <summary>The target, or null with an error naming <paramref name="usage"/>.</summary>
    public ExecutableTarget? Resolve(Target reference, string usage, DeclarationErrors errors)
    {
        var target = Find(reference);
        if (target is null)
            errors.Add($"{usage} refers to a target that is not a Target property of the build.");
        return target;
    }

    private static PropertyInfo Property(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetProperty(name, flags) is { } property && property.PropertyType == typeof(Target))
                return property;
        }

        throw new InvalidOperationException($"{type.Name} has no Target property {name}.");
    }
}
