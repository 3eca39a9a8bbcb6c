using System.Reflection;
using Engine.Reflection;

namespace Engine.Targets;

/// <summary>
/// Finds the <see cref="Target"/> properties of a build (its class chain and the components it implements) and
/// resolves their references into a graph of <see cref="ExecutableTarget"/>s. An override, in a derived class or as
/// an explicit implementation of a component's target, replaces the definition it overrides: one target per name.
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

    /// <summary>All targets, in declaration order: components' first, then the class chain's.</summary>
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
        var declared = TargetProperties(build.GetType());
        var factories = new List<Target>(declared.Count);
        foreach (var target in declared)
            factories.Add((Target)target.Property.GetValue(build)!);
        var targets = new List<ExecutableTarget>(declared.Count);
        for (var index = 0; index < declared.Count; index++)
            targets.Add(new ExecutableTarget(declared[index].Name, index, Define(build, declared[index].Name, declared[index].Layers, factories[index])));

        ExecutableTarget? Resolve(TargetReference reference, ExecutableTarget owner)
        {
            if (reference.Resolve(build) is not { } factory)
                return null;
            var index = factories.FindIndex(f => f.Equals(factory));
            return index >= 0
                ? targets[index]
                : throw new UsageException($"Target '{owner.Name}' refers to a target that is not a property of {build.GetType().Name} or its components.");
        }

        IEnumerable<ExecutableTarget> All(List<TargetReference> references, ExecutableTarget owner) =>
            references.Select(r => Resolve(r, owner)).OfType<ExecutableTarget>();

        foreach (var target in targets)
        {
            var definition = target.Definition;
            foreach (var other in All(definition.DependsOnTargets, target))
                AddOnce(target.ExecutionDependencyList, other);
            foreach (var other in All(definition.DependentForTargets, target))
                AddOnce(other.ExecutionDependencyList, target);
            foreach (var other in All(definition.AfterTargets, target))
                AddOnce(target.OrderDependencyList, other);
            foreach (var other in All(definition.BeforeTargets, target))
                AddOnce(other.OrderDependencyList, target);
            foreach (var other in All(definition.TriggersTargets, target))
                Link(target, other);
            foreach (var other in All(definition.TriggeredByTargets, target))
                Link(other, target);
            foreach (var producer in All(definition.ConsumedTargets, target))
            {
                // What a target reads is ordered after what writes it, on a laptop as in the generated jobs.
                AddOnce(target.ConsumedList, producer);
                AddOnce(target.OrderDependencyList, producer);
            }
        }

        OutputLinks.Add(targets);
        return new TargetGraph(targets, factories);
    }

    private static TargetDefinition Define(object build, string name, List<MethodInfo> layers, Target factory)
    {
        try
        {
            return new TargetDefinition(build, name, layers).Define(factory);
        }
        catch (Exception e) when (e is not UsageException)
        {
            // A definition that throws is a bug in the build, found before anything ran.
            throw new UsageException($"The definition of target {name} threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>
    /// One target per name: the property that dispatch reaches, and every getter that defines it, override first.
    /// A name that unrelated components both declare must be overridden by the build class, publicly, as C# requires.
    /// </summary>
    private static List<DeclaredTarget> TargetProperties(Type buildType)
    {
        var found = new List<DeclaredTarget>();
        var ambiguous = new Dictionary<string, List<Type>>();
        foreach (var type in BuildMembers.Types(buildType))
        {
            foreach (var property in BuildMembers.Properties(type, typeof(Target)))
            {
                var name = BuildMembers.SimpleName(property);
                var index = found.FindIndex(f => TargetName.AreSame(f.Name, name));
                if (index < 0)
                {
                    found.Add(new DeclaredTarget(name, property, Definitions(property)));
                    continue;
                }

                var existing = found[index];
                var isExplicit = BuildMembers.IsExplicitImplementation(property);
                if (!isExplicit && !type.IsAssignableTo(existing.Property.DeclaringType))
                {
                    ambiguous.TryAdd(name, [existing.Property.DeclaringType!]);
                    ambiguous[name].Add(type);
                    continue;
                }

                if (!type.IsInterface && !isExplicit && existing.Property.DeclaringType!.IsInterface && property.GetMethod is not { IsPublic: true })
                    throw new UsageException($"Target {type.Name}.{name} must be public to override {existing.Property.DeclaringType.Name}.{name}.");
                existing.Layers.InsertRange(0, Definitions(property));
                if (!type.IsInterface && !isExplicit)
                {
                    existing.Property = property; // an override in a class: the most derived property
                    ambiguous.Remove(name);
                }
            }
        }

        foreach (var (name, declaringTypes) in ambiguous)
        {
            throw new UsageException(
                $"Target {name} is declared by {string.Join(" and ", declaringTypes.Select(t => t.Name))}: the build must implement it itself (public Target {name} => …).");
        }

        return found;
    }

    /// <summary>
    /// A target property found by the walk. A class rather than a tuple: ReadyToRun has no precompiled List or LINQ
    /// code for a value type of ours, so a tuple here cost every start about twenty methods compiled by the JIT.
    /// </summary>
    private sealed class DeclaredTarget(string name, PropertyInfo property, List<MethodInfo> layers)
    {
        public string Name { get; } = name;
        public PropertyInfo Property { get; set; } = property;
        public List<MethodInfo> Layers { get; } = layers;
    }

    /// <summary>The getter as a definition Base() can apply; none when it is abstract (an interface's bare declaration).</summary>
    private static List<MethodInfo> Definitions(PropertyInfo property) => property.GetMethod is { IsAbstract: false } getter ? [getter] : [];

    private static void Link(ExecutableTarget trigger, ExecutableTarget triggered)
    {
        AddOnce(trigger.TriggeredTargetList, triggered);
        AddOnce(triggered.TriggerDependencyList, trigger);
    }

    internal static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
            list.Add(target);
    }
}
