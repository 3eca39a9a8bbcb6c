namespace Pipeline.Versioning;

/// <summary>
/// How the strongest change since the last release moves its version. Before 1.0.0 the public API is not yet
/// stable (semver.org, item 4), so a breaking change moves the minor version, not the major: 0.4.2 → 0.5.0.
/// Leaving 0.x is a decision, not a commit message: release 1.0.0 with the Version parameter.
/// </summary>
public static class VersionBump
{
    /// <summary>The first release of a repository without version tags.</summary>
    public static SemanticVersion Initial { get; } = new(0, 1, 0);

    /// <summary>The next version, or null when nothing since <paramref name="last"/> asks for one.</summary>
    public static SemanticVersion? Next(SemanticVersion last, ChangeKind strongest) => strongest switch
    {
        ChangeKind.Breaking when last.Major == 0 => new(0, last.Minor + 1, 0),
        ChangeKind.Breaking => new(last.Major + 1, 0, 0),
        ChangeKind.Feature => new(last.Major, last.Minor + 1, 0),
        ChangeKind.Fix or ChangeKind.Performance => new(last.Major, last.Minor, last.Patch + 1),
        _ => null,
    };
}
