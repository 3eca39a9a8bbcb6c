using System.Reflection;
using System.Runtime.CompilerServices;
using Engine.Reflection;

namespace Engine.Targets;

/// <summary>
/// What a target property declared, before references are resolved to <see cref="ExecutableTarget"/>s.
/// <paramref name="layers"/> are the getters that define this target, the running override first: Base() applies the next.
/// </summary>
internal sealed class TargetDefinition(object build, string name, IReadOnlyList<MethodInfo> layers) : ITargetDefinition
{
    private int layer;

    public string Name => name;
    public string? DescriptionText { get; private set; }
    public List<TargetReference> DependsOnTargets { get; } = [];
    public List<TargetReference> DependentForTargets { get; } = [];
    public List<TargetReference> AfterTargets { get; } = [];
    public List<TargetReference> BeforeTargets { get; } = [];
    public List<TargetReference> TriggersTargets { get; } = [];
    public List<TargetReference> TriggeredByTargets { get; } = [];
    public List<TargetReference> ConsumedTargets { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public List<TargetOutput> DeclaredOutputs { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public Func<CancellationToken, Task<bool>>? Preview { get; private set; }
    public List<string> ProducedGlobs { get; } = [];
    public DependencyBehavior SkippedDependencies { get; private set; } = DependencyBehavior.Skip;
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public string? ProfileName { get; private set; }

    public ITargetDefinition Description(string description) => Set(() => DescriptionText = description);

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Add(DependsOnTargets, targets, optional: false);
    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) => Add(DependsOnTargets, targets, optional: true);
    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Add(DependentForTargets, targets, optional: false);
    public ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) => Add(DependentForTargets, targets, optional: true);
    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Add(AfterTargets, targets, optional: false);
    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) => Add(AfterTargets, targets, optional: true);
    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Add(BeforeTargets, targets, optional: false);
    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) => Add(BeforeTargets, targets, optional: true);
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Add(TriggersTargets, targets, optional: false);
    public ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) => Add(TriggersTargets, targets, optional: true);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Add(TriggeredByTargets, targets, optional: false);
    public ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) => Add(TriggeredByTargets, targets, optional: true);
    public ITargetDefinition Consumes(params Target[] targets) => Add(ConsumedTargets, targets);

    public ITargetDefinition Base()
    {
        if (layer + 1 >= layers.Count)
            throw new UsageException($"Target {name} calls Base(), but it overrides no other definition of {name}.");
        return Apply(layer + 1);
    }

    public ITargetDefinition Inherit<T>(Func<T, Target> target, [CallerArgumentExpression(nameof(target))] string expression = "")
    {
        if (!typeof(T).IsInterface || ComponentProperty(typeof(T), expression) is not { GetMethod: { } getter } property)
            throw new UsageException($"Target {name}: Inherit<{typeof(T).Name}> takes a component's target property, as in x => x.{name}.");
        if (getter.IsAbstract)
            throw new UsageException($"Target {name}: {typeof(T).Name}.{property.Name} has no definition of its own to inherit.");
        ((Target)NonVirtualCall.Get(getter, build)!)(this);
        return this;
    }

    /// <summary>"x => x.Test" → the Target property Test of the component, or of a component it extends.</summary>
    private static PropertyInfo? ComponentProperty(Type component, string expression)
    {
        var parts = expression.Split("=>", 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
            return null;
        var parameter = parts[0].Trim('(', ')', ' ').Split(' ')[^1]; // x, (x) or (ITest x)
        if (parameter.Length == 0 || !parts[1].StartsWith(parameter + ".", StringComparison.Ordinal))
            return null;
        var member = parts[1][(parameter.Length + 1)..];
        foreach (var type in (Type[])[component, .. component.GetInterfaces()])
        {
            if (type.GetProperty(member, BuildMembers.Declared) is { } property && property.PropertyType == typeof(Target))
                return property;
        }

        return null;
    }

    public ITargetDefinition Requires<T>(Func<T> requirement, string expression = "") =>
        Set(() => Requirements.Add(new Requirement(() => requirement(), typeof(T), expression)));

    public ITargetDefinition Requires<T>(Func<T> parameter, TargetOutput orOutput, string expression = "") =>
        Set(() => Requirements.Add(new Requirement(() => parameter(), typeof(T), expression, orOutput)));

    public ITargetDefinition Outputs(params TargetOutput[] outputs) => Set(() => DeclaredOutputs.AddRange(outputs));

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string expression = "") =>
        Set(() => StaticConditions.Add(Condition.Of(condition, expression)));

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string expression = "") =>
        Set(() => DynamicConditions.Add(Condition.Of(condition, expression)));

    public ITargetDefinition OnlyWhen(Func<bool> condition, string expression = "") => OnlyWhenDynamic(condition, expression);
    public ITargetDefinition WhenSkipped(DependencyBehavior behavior) => Set(() => SkippedDependencies = behavior);
    public ITargetDefinition ProceedAfterFailure() => Set(() => IsProceedAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Set(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => Set(() => IsUnlisted = true);

    public ITargetDefinition ForProfile(string profile) => Set(() => ProfileName = profile);
    public ITargetDefinition Produces(params string[] globs) => Set(() => ProducedGlobs.AddRange(globs));

    public ITargetDefinition Executes(Action action) =>
        Executes(_ =>
        {
            action();
            return Task.CompletedTask;
        });

    public ITargetDefinition Executes(Func<Task> action) => Executes(_ => action());
    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => Set(() => Actions.Add(action));

    // One preview per target: a later definition (an override) replaces it, as it is the whole of what --plan says.
    public ITargetDefinition Previews(Func<CancellationToken, Task<bool>> preview) => Set(() => Preview = preview);

    /// <summary>Configures this builder with the target property's value, the override that dispatch picks (layer 0).</summary>
    public TargetDefinition Define(Target factory)
    {
        factory(this);
        return this;
    }

    private TargetDefinition Apply(int index)
    {
        var previous = layer;
        layer = index;
        try
        {
            ((Target)NonVirtualCall.Get(layers[index], build)!)(this);
        }
        finally
        {
            layer = previous;
        }

        return this;
    }

    private TargetDefinition Add(List<TargetReference> list, Target[] targets)
    {
        list.AddRange(targets.Select(TargetReference.To));
        return this;
    }

    private TargetDefinition Add<T>(List<TargetReference> list, Func<T, Target>[] targets, bool optional)
    {
        list.AddRange(targets.Select(t => TargetReference.To(t, optional)));
        return this;
    }

    private TargetDefinition Set(Action change)
    {
        change();
        return this;
    }
}
