using System.Runtime.CompilerServices;

namespace Engine;

/// <summary>The fluent builder a target property configures; every method returns the same builder.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>Pulls the targets into the plan and runs them first.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Makes this target a dependency of the given ones.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Runs after the given targets when both are planned; pulls nothing in.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Runs before the given targets when both are planned; pulls nothing in.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Adds the given targets to the plan, to run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>This target is added to the plan, to run after any of the given ones.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>
    /// A parameter that must have a value (non-null, non-blank, non-empty), or a condition that must hold,
    /// checked for every planned target before the first one runs.
    /// </summary>
    ITargetDefinition Requires<T>(Func<T> requirement, [CallerArgumentExpression(nameof(requirement))] string expression = "");

    /// <summary>Evaluated before anything runs: false skips the target and the dependencies only it needs.</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string expression = "");

    /// <summary>Evaluated just before the target would run: false skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string expression = "");

    /// <summary>Same as <see cref="OnlyWhenDynamic"/>.</summary>
    ITargetDefinition OnlyWhen(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string expression = "");

    /// <summary>When this target fails, targets that do not depend on it still run (the build still fails).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after another target failed or the build was cancelled: for clean-up and rollback.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from <c>--help</c>.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Files this target writes for later targets or jobs (globs relative to the root).</summary>
    ITargetDefinition Produces(params string[] globs);

    /// <summary>Files of another target that this one reads (globs relative to the root; none means all it produces).</summary>
    ITargetDefinition Consumes(Target target, params string[] globs);

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
