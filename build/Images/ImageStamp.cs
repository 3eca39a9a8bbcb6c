using Pipeline.Versioning;

namespace Pipeline.Images;

/// <summary>
/// What an image says it is: the version (IHazVersion's) and the commit it was built from (null outside git), both with
/// <see cref="DirtyMark"/> (-dirty.&lt;content hash&gt;) when built from uncommitted changes, so two different edits at one
/// commit say so. The same stamp goes into the service's assembly, its APP_VERSION and APP_COMMIT, the OCI labels and
/// the tags, so /version, `docker inspect` and the registry agree.
/// </summary>
internal sealed record ImageStamp(string Version, string? Revision)
{
    public static ImageStamp For(string version, string? commit, bool uncommittedChanges, string contentTag)
    {
        var mark = uncommittedChanges && commit is not null ? DirtyMark.Of(contentTag) : "";
        return new(version + mark, commit is null ? null : commit + mark);
    }

    /// <summary>
    /// The stamp as the content tag hashes it: without the content hash, which cannot be among what it hashes, and
    /// need not be: the mark is made from the other inputs, so the hash that includes "-dirty" already tells edits apart.
    /// </summary>
    public static ImageStamp ForContentHash(string version, string? commit, bool uncommittedChanges) =>
        new(version, commit is null ? null : commit + (uncommittedChanges ? "-dirty" : ""));

    /// <summary>The Dockerfile turns these into ENV, so the service reports them and `docker run -e` can still override them.</summary>
    public IReadOnlyDictionary<string, string> BuildArguments => new Dictionary<string, string>
    {
        ["APP_VERSION"] = Version,
        ["APP_COMMIT"] = Revision ?? "",
    };

    /// <summary>
    /// MSBuild properties that stamp the assembly: Version (assembly and file version, and the informational version the
    /// SDK appends SourceRevisionId to: 1.2.3+commit). MSBuild refuses a Version that is no semantic version (a tag such as
    /// release-5 that git describe found): that one goes into the informational version alone.
    /// </summary>
    public IReadOnlyDictionary<string, string> AssemblyProperties
    {
        get
        {
            var properties = new Dictionary<string, string>
            {
                [SemanticVersion.TryParse(Version) is null ? "InformationalVersion" : "Version"] = Version,
            };
            if (Revision is not null)
                properties["SourceRevisionId"] = Revision;
            return properties;
        }
    }
}
