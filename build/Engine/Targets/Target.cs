namespace Engine;

/// <summary>
/// A build target, declared as a property in NUKE's style: <c>Target Test => _ => _.DependsOn(Compile).Executes(...)</c>.
/// The engine identifies a target by its property: two delegates from the same property compare equal.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
