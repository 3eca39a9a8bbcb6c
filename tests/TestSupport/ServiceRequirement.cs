namespace TestSupport;

/// <summary>
/// Decides whether a test that needs an external service runs. Locally a missing service skips the test with the
/// way to provide it; on CI (CI=true) nothing is skipped, so a missing service fails loudly instead of going green.
/// </summary>
public static class ServiceRequirement
{
    public const string StartScript = "build/services/with-services.sh";

    /// <summary>The reason to skip, or null when the test must run (service given, or on CI).</summary>
    public static string? SkipReason(string variable, string service) =>
        SkipReason(variable, service, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="SkipReason(string, string)"/>, reading the environment through <paramref name="environment"/>.</summary>
    public static string? SkipReason(string variable, string service, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        ArgumentNullException.ThrowIfNull(environment);
        var isSet = !string.IsNullOrWhiteSpace(environment(variable));
        var isCi = string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return isSet || isCi ? null : $"{variable} is not set: run the tests through {StartScript} to start {service}";
    }

    /// <summary>The service address; throws <see cref="MissingMessage"/> when it is not set.</summary>
    public static string Address(string variable, string service) =>
        IsSet(variable)
            ? Environment.GetEnvironmentVariable(variable)!
            : throw new InvalidOperationException(MissingMessage(variable, service));

    public static string MissingMessage(string variable, string service) =>
        $"{variable} is not set: {service} is missing, and with CI=true tests that need it fail instead of being skipped. "
        + $"Run the tests through {StartScript}, which starts {service} and sets {variable}.";

    private static bool IsSet(string variable) =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable));
}
