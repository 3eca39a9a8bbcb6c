using System.Globalization;
using App.Configuration;

namespace App.Hosting;

/// <summary>How long SIGTERM waits for in-flight requests (SHUTDOWN_TIMEOUT_SECONDS).</summary>
public static class ShutdownTimeout
{
    public const string Variable = "SHUTDOWN_TIMEOUT_SECONDS";

    // Below the 30 s that ECS (stopTimeout) and Kubernetes (terminationGracePeriodSeconds) wait before SIGKILL,
    // so requests finish and the stop is logged before the process is killed.
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(25);

    public static TimeSpan FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Variable];
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidSettingException($"{Variable} must be a whole number of seconds, not '{value}'.");
    }

    public static IServiceCollection AddShutdownTimeout(this IServiceCollection services)
    {
        services.AddOptions<HostOptions>()
            .Configure<IConfiguration>((options, configuration) => options.ShutdownTimeout = FromConfiguration(configuration));
        return services;
    }
}
