namespace App.Versioning;

/// <summary>
/// What is running, so a blue/green switch can be verified from outside: APP_VERSION and APP_COMMIT (the image sets
/// them, a deploy may override them), else what the build stamped into the assembly, else "dev" and "unknown".
/// APP_COLOR is the deploy's alone.
/// </summary>
public sealed record VersionInfo(string Version, string Commit, string Color)
{
    public static VersionInfo FromConfiguration(IConfiguration configuration, AssemblyStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(stamp);
        return new VersionInfo(
            ValueOr(configuration["APP_VERSION"], ValueOr(stamp.Version, "dev")),
            ValueOr(configuration["APP_COMMIT"], ValueOr(stamp.Commit, "unknown")),
            ValueOr(configuration["APP_COLOR"], "none"));
    }

    private static string ValueOr(string? value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
