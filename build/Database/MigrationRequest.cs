using System.Globalization;

namespace Pipeline.Database;

/// <summary>What MigrateDb was asked to do, from its parameters.</summary>
public sealed record MigrationRequest(string Environment, bool SkipBackup, bool DryRun, long? Target, TimeSpan LockTimeout)
{
    /// <summary>The options every run of the service's migrator gets: how long to wait for the lock, and the target version.</summary>
    public IEnumerable<string> MigratorOptions
    {
        get
        {
            yield return "--lock-timeout";
            yield return Math.Max(1, (long)Math.Ceiling(LockTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            if (Target is { } version)
            {
                yield return "--target";
                yield return version.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
