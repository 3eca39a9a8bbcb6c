using System.Reflection;

namespace Engine.Targets;

/// <summary>
/// Finds the <see cref="Target"/> properties of a build and resolves their references into a graph of
/// <see cref="ExecutableTarget"/>s. A reference to something that is not a target property is a usage error.
/// </summary>
public sealed class TargetGraph
{
    private readonly Dictionary<string, ExecutableTarget> byName;
    private readonly List<Target> factories;

    private TargetGraph(IReadOnlyList<ExecutableTarget> targets, List<Target> factories)
    {
        Targets = targets;
        this.factories = factories;
        byName = targets.ToDictionary(t => TargetName.Normalize(t.Name));
    }

    /// <summary>All targets, in declaration order.</summary>
    public IReadOnlyList<ExecutableTarget> Targets { get; }

    public ExecutableTarget? Find(string name) => byName.GetValueOrDefault(TargetName.Normalize(name));

    /// <summary>The target a delegate such as <c>build.Test</c> stands for; delegates of one property compare equal.</summary>
    public ExecutableTarget? Find(Target factory)
    {
        var index = factories.FindIndex(f => f.Equals(factory));
        return index >= 0 ? Targets[index] : null;
    }

    public static TargetGraph FromBuild(object build)
    {
        var properties = TargetProperties(build.GetType());
        var factories = properties.Select(p => (Property: p, Factory: (Target)p.GetValue(build)!)).ToList();
        var targets = factories
            .Select((entry, index) =>
            {
                var definition = new TargetDefinition();
                entry.Factory(definition);
                return new ExecutableTarget(entry.Property.Name, index, definition);
            })
            .ToList();

        ExecutableTarget Resolve(Target reference, ExecutableTarget owner)
        {
            var index = factories.FindIndex(f => f.Factory.Equals(reference));
            return index >= 0
                ? targets[index]
                : throw new UsageException($"Target '{owner.Name}' refers to a target that is not a property of {build.GetType().Name}.");
        }

        foreach (var target in targets)
        {
            var definition = target.Definition;
            foreach (var other in definition.DependsOnTargets.Select(r => Resolve(r, target)))
                AddOnce(target.ExecutionDependencyList, other);
            foreach (var other in definition.DependentForTargets.Select(r => Resolve(r, target)))
                AddOnce(other.ExecutionDependencyList, target);
            foreach (var other in definition.AfterTargets.Select(r => Resolve(r, target)))
                AddOnce(target.OrderDependencyList, other);
            foreach (var other in definition.BeforeTargets.Select(r => Resolve(r, target)))
                AddOnce(other.OrderDependencyList, target);
            foreach (var other in definition.TriggersTargets.Select(r => Resolve(r, target)))
                Link(target, other);
            foreach (var other in definition.TriggeredByTargets.Select(r => Resolve(r, target)))
                Link(other, target);
            foreach (var (reference, globs) in definition.ConsumedArtifacts)
                target.ConsumedList.Add(new ConsumedArtifact(Resolve(reference, target), globs));
        }

        return new TargetGraph(targets, factories.Select(f => f.Factory).ToList());
    }

    /// <summary>Target-typed properties of the build class and its bases, base class first, each in source order.</summary>
    private static List<PropertyInfo> TargetProperties(Type type)
    {
        var chain = new Stack<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            chain.Push(current);
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return chain
            .SelectMany(t => t.GetProperties(flags).OrderBy(p => p.MetadataToken))
            .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
            .ToList();
    }

    private static void Link(ExecutableTarget trigger, ExecutableTarget triggered)
    {
        AddOnce(trigger.TriggeredTargetList, triggered);
        AddOnce(triggered.TriggerDependencyList, trigger);
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
            list.Add(target);
    }
}
