using Engine;
using Pipeline.Database;

namespace Pipeline.Recovery;

/// <summary>
/// The RecoveryDrill component: proves that the environment's newest backup (or --backup) restores into a database the
/// live release serves from, and measures how long that takes and how much data it would lose. It never touches the
/// live database or traffic; what it makes is deleted again, and a killed drill's leftovers go with the next drill.
/// </summary>
public interface IRecoveryDrill : IHazRecoveryDrillPlatform, IHazBackupName
{
    [Parameter("The longest a recovery may take, from the start to passed smoke tests; RecoveryDrill fails beyond it", DefaultText = "no goal")]
    TimeSpan? MaxRecoveryTime => TryGetValue<TimeSpan>(() => MaxRecoveryTime);

    [Parameter("The oldest the newest backup may be (the data a recovery would lose); RecoveryDrill fails beyond it", DefaultText = "no goal")]
    TimeSpan? MaxBackupAge => TryGetValue<TimeSpan>(() => MaxBackupAge);

    AbsolutePath RecoveryDrillReportFile => ArtifactsDirectory / "recovery-drill.json";

    Target RecoveryDrill => _ => _
        .Description("Restore the newest backup into a scratch database, start the live release against it, smoke-test it, delete it again; report RTO and RPO")
        .Produces("artifacts/recovery-drill.json")
        .Executes(async cancellation =>
        {
            var goals = RecoveryGoals.Checked(MaxRecoveryTime, MaxBackupAge);
            var platform = CreateRecoveryDrillPlatform();
            var drill = new RecoveryDrill(platform, CreateDeploymentPlatform(), SmokeChecks, goals, EnvironmentName);
            var report = await drill.RunAsync(Backup, cancellation);
            RecoveryDrillReportFile.Parent.CreateDirectory();
            await File.WriteAllTextAsync(RecoveryDrillReportFile, report.ToJson(), CancellationToken.None);
            if (!report.Passed)
                throw new InvalidOperationException(report.Summary());
            ReportSummary(report.Summary());
        });
}
