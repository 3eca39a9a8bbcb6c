namespace Engine;

/// <summary>What happens to a skipped target's dependencies (NUKE's <c>WhenSkipped</c>).</summary>
public enum DependencyBehavior
{
    /// <summary>Skip the dependencies (and triggered targets) that nothing else still planned needs: the default.</summary>
    Skip,

    /// <summary>Run them anyway.</summary>
    Execute,
}
