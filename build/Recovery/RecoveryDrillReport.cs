using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Recovery;

/// <summary>
/// What a drill found, as artifacts/recovery-drill.json and one summary line: the backup and its age at the drill (the
/// data that a recovery now would lose, RPO), the time from the start to a restored database, to a serving instance and
/// to passed smoke tests (RTO), the schema version found, each table's rows against the backup's manifest, and the
/// verdict with every reason it failed.
/// </summary>
public sealed record RecoveryDrillReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public required string Environment { get; init; }

    public required string Backup { get; init; }

    public required DateTimeOffset BackupCreatedAt { get; init; }

    public required TimeSpan BackupAge { get; init; }

    /// <summary>The schema version the backup was taken at; null where the backup does not say (an RDS snapshot).</summary>
    public required long? BackupVersion { get; init; }

    public TimeSpan? Restored { get; init; }

    public TimeSpan? Serving { get; init; }

    public TimeSpan? SmokePassed { get; init; }

    public long? SchemaVersion { get; init; }

    public int SmokeChecks { get; init; }

    public int SmokeChecksPassed { get; init; }

    public IReadOnlyList<TableRowCount> Rows { get; init; } = [];

    public IReadOnlyList<string> Failures { get; init; } = [];

    public bool Passed => Failures.Count == 0;

    public RecoveryDrillReport Failing(string reason) => this with { Failures = [.. Failures, reason] };

    /// <summary>e.g. "recovery drill passed: app-20261206T043700.000Z-v1 (age 3 h 12 min) restored and serving in 6 min 40 s; smoke 4 of 4".</summary>
    public string Summary()
    {
        var age = $"{Backup} (age {Duration(BackupAge)})";
        if (!Passed)
            return $"recovery drill failed: {age}: {string.Join("; ", Failures)}";
        var serving = SmokePassed ?? Serving ?? TimeSpan.Zero;
        return $"recovery drill passed: {age} restored and serving in {Duration(serving)}; smoke {SmokeChecksPassed} of {SmokeChecks}";
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>"40 s", "6 min 40 s", "3 h 12 min", "2 d 5 h": two units at most, as a person reads a duration.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Round(Math.Abs(span.TotalSeconds));
        string Part(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + " " + unit;
        return seconds switch
        {
            < 60 => Part(seconds, "s"),
            < 3600 => Part(seconds / 60, "min") + (seconds % 60 == 0 ? "" : " " + Part(seconds % 60, "s")),
            < 86400 => Part(seconds / 3600, "h") + (seconds % 3600 / 60 == 0 ? "" : " " + Part(seconds % 3600 / 60, "min")),
            _ => Part(seconds / 86400, "d") + (seconds % 86400 / 3600 == 0 ? "" : " " + Part(seconds % 86400 / 3600, "h")),
        };
    }
}

/// <summary>A table's rows in the backup's manifest (null when the manifest predates row counts) and in the restored database.</summary>
public sealed record TableRowCount(string Table, long? Backup, long Restored)
{
    public bool Differs => Backup is { } counted && counted != Restored;
}
