using Engine.Targets;

namespace Engine.Workflows;

/// <summary>
/// Finds the <see cref="ExecutableTarget"/> a <see cref="Target"/> in a declaration stands for, collecting an error
/// for a reference that is not a target property of the build.
/// </summary>
internal sealed class TargetReferences(TargetGraph graph)
{
    public ExecutableTarget? Find(Target reference) => graph.Find(reference);

    /// <summary>The target, or null with an error naming <paramref name="usage"/>.</summary>
    public ExecutableTarget? Resolve(Target reference, string usage, DeclarationErrors errors)
    {
        var target = Find(reference);
        if (target is null)
            errors.Add($"{usage} refers to a target that is not a Target property of the build.");
        return target;
    }
}
