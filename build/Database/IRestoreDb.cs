using Engine;
using Pipeline.Hosting;

namespace Pipeline.Database;

/// <summary>
/// The RestoreDb component: puts back a backup MigrateDb took, replacing everything in the database. It accepts only
/// backup names from artifacts/backups (never a path), and production only with an explicit confirmation.
/// </summary>
public interface IRestoreDb : IHazBackupName
{
    [Parameter("Confirm a restore into production, which replaces everything in its database")]
    bool ConfirmProductionRestore => TryGetValue<bool>(() => ConfirmProductionRestore) ?? false;

    Target RestoreDb => _ => _
        .Description("Replace the database's contents with a backup MigrateDb took (artifacts/backups)")
        .Requires(() => Backup)
        .Executes(async cancellation =>
        {
            var platform = CreateDatabasePlatform();
            var name = platform.ParseBackupName(Backup!);
            if (HostedEnvironment.RestoreNeedsConfirmation && !ConfirmProductionRestore)
                throw new InvalidOperationException("Refusing to restore into production without --confirm-production-restore: a restore replaces everything in the database.");
            ReportSummary(await platform.RestoreAsync(name, cancellation));
        });
}
