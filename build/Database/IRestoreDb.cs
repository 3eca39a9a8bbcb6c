using Engine;

/// <summary>
/// The RestoreDb component: puts back a backup MigrateDb took, replacing everything in the database. It accepts only
/// backup names from artifacts/backups (never a path), and production only with an explicit confirmation.
/// </summary>
public interface IRestoreDb : IHazAwsDatabase
{
    [Parameter("The backup to restore: a name from artifacts/backups (e.g. notes-20250101T120000.000Z-v3), on AWS an RDS snapshot MigrateDb took")]
    string? Backup => TryGetValue(() => Backup);

    [Parameter("Confirm a restore into production, which replaces everything in its database")]
    bool ConfirmProductionRestore => TryGetValue<bool>(() => ConfirmProductionRestore) ?? false;

    Target RestoreDb => _ => _
        .Description("Replace the database's contents with a backup MigrateDb took (artifacts/backups)")
        .Requires(() => Backup)
        .Executes(async cancellation =>
        {
            var name = IsLocalDatabase ? BackupName.Parse(Backup!) : RdsSnapshotName.Parse(Backup!);
            if (HostedEnvironment.RestoreNeedsConfirmation && !ConfirmProductionRestore)
                throw new InvalidOperationException("Refusing to restore into production without --confirm-production-restore: a restore replaces everything in the database.");
            if (!IsLocalDatabase)
            {
                var restored = await AwsDatabaseClients.For(ConnectAws(), AwsWaiting.Default()).Restore.RunAsync(name, RdsInstanceId, EcsNames, cancellation);
                ReportSummary($"restored {name} to the new RDS instance {restored.Id}");
                return;
            }

            var address = DatabaseTargetChecks.Address(this, "RestoreDb");
            var manifest = await DatabaseRestore.RunAsync(address, new Backups(BackupsDirectory), name, TemporaryDirectory / "restore", cancellation);
            Log.Information($"Restored {manifest.Name} (V{manifest.Version}, taken {manifest.CreatedAt:u} from {manifest.Database}) into {address}.");
            ReportSummary($"restored {manifest.Name} (V{manifest.Version})");
        });
}
