namespace App.Versioning;

/// <summary>What is running: set by the pipeline at deploy time so a blue/green switch can be verified from outside.</summary>
public sealed record VersionInfo(string Version, string Commit, string Color)
{
    public static VersionInfo FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new VersionInfo(
            ValueOr(configuration["APP_VERSION"], "dev"),
            ValueOr(configuration["APP_COMMIT"], "unknown"),
            ValueOr(configuration["APP_COLOR"], "none"));
    }

    private static string ValueOr(string? value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
