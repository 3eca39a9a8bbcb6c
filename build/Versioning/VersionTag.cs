namespace Pipeline.Versioning;

/// <summary>A release tag, "v" and a semantic version (v1.2.0, v1.3.0-rc.1), with the commit it points to.</summary>
public sealed record VersionTag(string Name, SemanticVersion Version, string Commit)
{
    public const string Prefix = "v";

    /// <summary>The glob git matches release tags with.</summary>
    public const string Pattern = Prefix + "*";

    public static string NameOf(SemanticVersion version) => Prefix + version;

    /// <summary>Null for a tag that starts with v but is no version (v-next, v1).</summary>
    public static VersionTag? TryParse(string name, string commit) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && SemanticVersion.TryParse(name[Prefix.Length..]) is { } version
            ? new VersionTag(name, version, commit)
            : null;
}
