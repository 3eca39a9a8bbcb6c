namespace Pipeline.Recovery;

/// <summary>
/// What a drill must show besides working: a recovery time (start to passed smoke tests) and a backup age (the data a
/// recovery would lose) within the goals given, each missed goal said with its figure and by how much.
/// </summary>
public sealed record RecoveryGoals(TimeSpan? MaxRecoveryTime, TimeSpan? MaxBackupAge)
{
    /// <summary>Goals that are not positive are refused before the drill makes anything.</summary>
    public static RecoveryGoals Checked(TimeSpan? maxRecoveryTime, TimeSpan? maxBackupAge)
    {
        if (maxRecoveryTime is { } time && time <= TimeSpan.Zero)
            throw new InvalidOperationException($"--max-recovery-time must be positive, not {time}");
        if (maxBackupAge is { } age && age <= TimeSpan.Zero)
            throw new InvalidOperationException($"--max-backup-age must be positive, not {age}");
        return new RecoveryGoals(maxRecoveryTime, maxBackupAge);
    }

    public RecoveryDrillReport Judge(RecoveryDrillReport report)
    {
        if (MaxBackupAge is { } maxAge && report.BackupAge > maxAge)
            report = report.Failing($"the backup is {Say(report.BackupAge)} old, {Say(report.BackupAge - maxAge)} over the goal of {Say(maxAge)} (--max-backup-age)");
        if (MaxRecoveryTime is { } maxTime && report.SmokePassed is { } took && took > maxTime)
            report = report.Failing($"recovery took {Say(took)}, {Say(took - maxTime)} over the goal of {Say(maxTime)} (--max-recovery-time)");
        return report;
    }

    private static string Say(TimeSpan span) => RecoveryDrillReport.Duration(span);
}
