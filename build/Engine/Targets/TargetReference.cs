namespace Engine.Targets;

/// <summary>
/// A target another target names: a property of the build, or a component's target reached through the build
/// (<c>DependsOn&lt;ITest&gt;(x =&gt; x.Test)</c>). Resolves to null only when optional and the build lacks the component.
/// </summary>
internal sealed record TargetReference(Func<object, Target?> Resolve)
{
    public static TargetReference To(Target target) => new(_ => target);

    public static TargetReference To<T>(Func<T, Target> target, bool optional) =>
        new(build => build is T component ? target(component)
            : optional ? null
            : throw new UsageException($"A target refers to {typeof(T).Name}, which {build.GetType().Name} does not implement: add it, or use the Try… form."));
}
