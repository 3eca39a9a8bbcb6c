namespace Pipeline.Database;

/// <summary>
/// NAME.json beside a backup: which database (without password), at which schema version, when, and its checksum;
/// since RecoveryDrill, the rows of each table counted just before the dump (null in older manifests), which a drill
/// compares with what it restored.
/// </summary>
internal sealed record BackupManifest(string Name, string Database, long Version, DateTimeOffset CreatedAt, long Bytes, string Sha256)
{
    public IReadOnlyDictionary<string, long>? Rows { get; init; }
}
