namespace App.Migrating;

/// <summary>A row of the history table: a script that ran (Kind "script"), or the version a database was found at ("baseline").</summary>
public sealed record AppliedScript(long Version, string Description, string Script, string Checksum, string Kind, DateTimeOffset AppliedAt, int DurationMs, string AppliedBy);
