namespace Engine.Workflows;

/// <summary>The GITHUB_TOKEN scopes a workflow or job may use; anything not listed is none.</summary>
public sealed class Permissions
{
    private readonly SortedDictionary<PermissionScope, PermissionLevel> levels;

    private Permissions(SortedDictionary<PermissionScope, PermissionLevel> levels) => this.levels = levels;

    public static Permissions None { get; } = new([]);

    /// <summary>What checking out the repository needs.</summary>
    public static Permissions ReadContents { get; } = None.With(PermissionScope.Contents, PermissionLevel.Read);

    public IReadOnlyDictionary<PermissionScope, PermissionLevel> Levels => levels;

    /// <summary>A copy that grants at least <paramref name="level"/> on <paramref name="scope"/>.</summary>
    public Permissions With(PermissionScope scope, PermissionLevel level)
    {
        var copy = new SortedDictionary<PermissionScope, PermissionLevel>(levels);
        copy[scope] = copy.TryGetValue(scope, out var current) && current > level ? current : level;
        return new Permissions(copy);
    }

    /// <summary>The union: the higher level of each scope.</summary>
    public Permissions Union(Permissions other) => other.levels.Aggregate(this, (sum, entry) => sum.With(entry.Key, entry.Value));

    public bool SameAs(Permissions other) => levels.Count == other.levels.Count && levels.All(e => other.levels.TryGetValue(e.Key, out var l) && l == e.Value);
}

public enum PermissionScope
{
    Actions,
    Attestations,
    Checks,
    Contents,
    Deployments,
    IdToken,
    Issues,
    Packages,
    Pages,
    PullRequests,
    SecurityEvents,
    Statuses,
}

public enum PermissionLevel
{
    None,
    Read,
    Write,
}
