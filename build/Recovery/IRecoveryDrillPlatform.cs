using Pipeline.Delivery;

namespace Pipeline.Recovery;

/// <summary>
/// The recovery role: where a backup is restored and the live release started against it, out of every user's reach
/// (local: a scratch database on the same PostgreSQL and a container on a port of its own; AWS: an RDS instance from
/// the snapshot and a one-off task). <see cref="RecoveryDrill"/> is written against this alone. Everything it makes
/// carries a name the platform recognises, so a drill that was killed is cleaned up by the next.
/// </summary>
public interface IRecoveryDrillPlatform
{
    /// <summary>One line: where the drill restores and runs (e.g. "local: scratch databases on postgres://app@127.0.0.1:55432, Docker").</summary>
    string Description { get; }

    /// <summary>Removes what an earlier drill left (killed before it cleaned up), one line each; returns how many.</summary>
    Task<int> RemoveLeftoversAsync(CancellationToken cancellation);

    /// <summary>The named backup, or the newest MigrateDb took of this environment's database; one line when there is none or it is damaged.</summary>
    Task<DrillBackup> ChooseBackupAsync(string? name, CancellationToken cancellation);

    /// <summary>Restores the backup into a new scratch database; disposing it deletes it (also after a failure or Ctrl-C).</summary>
    Task<IDrillDatabase> RestoreAsync(DrillBackup backup, CancellationToken cancellation);

    /// <summary>
    /// Runs the release's <c>migrate --check</c> against the scratch database, then starts the release against it and
    /// returns once it answers ready; disposing it stops and removes it.
    /// </summary>
    Task<IDrillInstance> StartAsync(ColorRelease release, IDrillDatabase database, CancellationToken cancellation);
}

/// <summary>A backup as the drill sees it: when it was taken, at which schema version, and the rows counted then (each null when not recorded).</summary>
public sealed record DrillBackup(string Name, DateTimeOffset CreatedAt, long? Version, IReadOnlyDictionary<string, long>? Rows);

/// <summary>A scratch database holding a restored backup, and the rows counted in it right after the restore (empty where the build cannot connect to it: RDS).</summary>
public interface IDrillDatabase : IAsyncDisposable
{
    string Name { get; }

    IReadOnlyDictionary<string, long> Rows { get; }
}

/// <summary>
/// The live release serving from a scratch database: where it answers, the headers every request to it carries (on
/// AWS, the one that a listener rule sends to the drill's task alone), and the schema version it found after migrating
/// (null when its log does not say).
/// </summary>
public interface IDrillInstance : IAsyncDisposable
{
    Uri Address { get; }

    IReadOnlyDictionary<string, string> Headers => new Dictionary<string, string>();

    long? SchemaVersion { get; }
}
