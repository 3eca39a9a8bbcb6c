namespace Engine.Targets;

/// <summary>What a target property declared, before target references are resolved to <see cref="ExecutableTarget"/>s.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public List<string> ProducedGlobs { get; } = [];
    public List<(Target Target, string[] Globs)> ConsumedArtifacts { get; } = [];
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description) => Set(() => DescriptionText = description);
    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition Requires<T>(Func<T> requirement, string expression = "") =>
        Set(() => Requirements.Add(new Requirement(() => requirement(), typeof(T), expression)));

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string expression = "") =>
        Set(() => StaticConditions.Add(new Condition(condition, expression)));

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string expression = "") =>
        Set(() => DynamicConditions.Add(new Condition(condition, expression)));

    public ITargetDefinition OnlyWhen(Func<bool> condition, string expression = "") => OnlyWhenDynamic(condition, expression);
    public ITargetDefinition ProceedAfterFailure() => Set(() => IsProceedAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Set(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => Set(() => IsUnlisted = true);
    public ITargetDefinition Produces(params string[] globs) => Set(() => ProducedGlobs.AddRange(globs));
    public ITargetDefinition Consumes(Target target, params string[] globs) => Set(() => ConsumedArtifacts.Add((target, globs)));

    public ITargetDefinition Executes(Action action) =>
        Executes(_ =>
        {
            action();
            return Task.CompletedTask;
        });

    public ITargetDefinition Executes(Func<Task> action) => Executes(_ => action());
    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => Set(() => Actions.Add(action));

    private TargetDefinition Add(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }

    private TargetDefinition Set(Action change)
    {
        change();
        return this;
    }
}
