namespace App.Migrating;

/// <summary>
/// What a run will do to a database whose history has been validated: record a baseline (when the old start-up code
/// created the schema), then apply the pending scripts in version order, up to the target when one is given.
/// </summary>
public sealed record MigrationPlan(long CurrentVersion, MigrationScript? Baseline, IReadOnlyList<MigrationScript> Pending)
{
    /// <summary>The version the database is at once the plan has run.</summary>
    public long FinalVersion => Pending.Count > 0 ? Pending[^1].Version : CurrentVersion;

    public static MigrationPlan Create(ScriptSet scripts, IReadOnlyList<AppliedScript> applied, Baseline? baseline, long? target)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        ArgumentNullException.ThrowIfNull(applied);
        if (target is { } wanted && scripts.Find(wanted) is null)
        {
            throw new MigrationUsageException($"--target {wanted}: no script has version {wanted} (versions: {string.Join(", ", scripts.Scripts.Select(s => s.Version))})");
        }

        var baselineScript = baseline is null ? null
            : scripts.Find(baseline.Version) ?? throw new MigrationException($"the database needs a baseline at V{baseline.Version}, but no script has that version");
        var current = baselineScript?.Version ?? (applied.Count == 0 ? 0 : applied.Max(row => row.Version));
        var pending = scripts.Scripts.Where(script => script.Version > current && script.Version <= (target ?? long.MaxValue)).ToList();
        return new MigrationPlan(current, baselineScript, pending);
    }
}
