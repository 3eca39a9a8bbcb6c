using System.Runtime.CompilerServices;

namespace Engine;

/// <summary>
/// The fluent builder a target property configures; every method returns the same builder. Each edge has a form
/// for a component's target (<c>DependsOn&lt;ITest&gt;(x =&gt; x.Test)</c>) and a Try… form that is ignored when the
/// build does not implement the component.
/// </summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>Pulls the targets into the plan and runs them first.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>Makes this target a dependency of the given ones.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>Runs after the given targets when both are planned; pulls nothing in.</summary>
    ITargetDefinition After(params Target[] targets);

    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets);

    /// <summary>Runs before the given targets when both are planned; pulls nothing in.</summary>
    ITargetDefinition Before(params Target[] targets);

    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets);

    /// <summary>Adds the given targets to the plan, to run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets);

    /// <summary>This target is added to the plan, to run after any of the given ones.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>Applies the definition this property overrides in a base class (or, for an explicit interface implementation, the component's).</summary>
    ITargetDefinition Base();

    /// <summary>
    /// Applies a component's own definition of a target this build overrides: <c>_.Inherit&lt;ITest&gt;(x =&gt; x.Test)</c>.
    /// The lambda is not called: it names the property, through the text the compiler passes (an expression tree would
    /// load System.Linq.Expressions into every start of the build, as this signature is part of every target's type).
    /// </summary>
    ITargetDefinition Inherit<T>(Func<T, Target> target, [CallerArgumentExpression(nameof(target))] string expression = "");

    /// <summary>
    /// A parameter that must have a value (non-null, non-blank, non-empty), or a condition that must hold,
    /// checked for every planned target before the first one runs.
    /// </summary>
    ITargetDefinition Requires<T>(Func<T> requirement, [CallerArgumentExpression(nameof(requirement))] string expression = "");

    /// <summary>
    /// A parameter that must have a value, unless a target planned before this one declares <paramref name="orOutput"/>
    /// in its Outputs: then the value is produced during the run (read it with <c>TargetOutputs.Get</c>).
    /// </summary>
    ITargetDefinition Requires<T>(Func<T> parameter, TargetOutput orOutput, [CallerArgumentExpression(nameof(parameter))] string expression = "");

    /// <summary>Values this target sets with <c>TargetOutputs.Set</c> for later targets and CI jobs.</summary>
    ITargetDefinition Outputs(params TargetOutput[] outputs);

    /// <summary>Evaluated before anything runs (only for planned targets): false skips the target and what only it needs.</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string expression = "");

    /// <summary>Evaluated just before the target would run: false skips it, and what only it triggers.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string expression = "");

    /// <summary>Same as <see cref="OnlyWhenDynamic"/>.</summary>
    ITargetDefinition OnlyWhen(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string expression = "");

    /// <summary>What happens to this target's dependencies when a condition skips it (default: <see cref="DependencyBehavior.Skip"/>).</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>When this target fails, targets that do not depend on it still run (the build still fails).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after another target failed or the build was cancelled: for clean-up and rollback.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>
    /// The target belongs to one profile (environment): invoking it selects that profile when no --profile is
    /// given (<c>./build.sh DeployLocal</c> reads parameters.local.json), and any other profile is a usage error.
    /// </summary>
    ITargetDefinition ForProfile(string profile);
    /// <summary>Hidden from <c>--help</c>.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Files this target writes for later targets or jobs (globs relative to the root).</summary>
    ITargetDefinition Produces(params string[] globs);

    /// <summary>Reads what another target Produces: runs after it when both are planned, and in CI downloads its files.</summary>
    ITargetDefinition Consumes(params Target[] targets);

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>
    /// What <c>--plan</c> shows of this target beyond its place in the order: an action that reads and changes nothing
    /// (a deploy's plan: what is live, what would change, what would stop it) and returns whether the target could go
    /// ahead. With --plan the engine prints the order, then runs the previews of the invoked targets, and no target's
    /// actions: a composite that previews itself is how a chain of targets that change things is planned without
    /// running any of them. The exit code is 1 when a preview says the target would stop.
    /// </summary>
    ITargetDefinition Previews(Func<CancellationToken, Task<bool>> preview);
}
