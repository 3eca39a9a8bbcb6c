/// <summary>What MigrateDb was asked to do, from its parameters.</summary>
internal sealed record MigrationRequest(string Environment, bool SkipBackup, bool DryRun, long? Target, TimeSpan LockTimeout)
{
    /// <summary>The options every run of the service's migrator gets.</summary>
    public IEnumerable<string> MigratorOptions =>
        ["--lock-timeout", ((long)LockTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), .. Target is { } version ? ["--target", version.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>()];
}
