namespace Pipeline.Database;

/// <summary>NAME.json beside a backup: which database (without password), at which schema version, when, and its checksum.</summary>
internal sealed record BackupManifest(string Name, string Database, long Version, DateTimeOffset CreatedAt, long Bytes, string Sha256);
