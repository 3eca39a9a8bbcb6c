namespace App.Hosting;

/// <summary>
/// A request that stays in flight until shutdown begins, so a test can prove SIGTERM lets it finish.
/// Mapped only when ENABLE_TEST_ENDPOINTS=true; never set it in a deployment.
/// </summary>
public static partial class ShutdownProbeEndpoint
{
    public const string Switch = "ENABLE_TEST_ENDPOINTS";
    public const string Path = "/test/wait-for-shutdown";
    public const string Completed = "completed after shutdown began";

    private static readonly TimeSpan WorkAfterShutdown = TimeSpan.FromSeconds(1);

    public static WebApplication MapShutdownProbeWhenEnabled(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (string.Equals(app.Configuration[Switch], "true", StringComparison.OrdinalIgnoreCase))
        {
            app.MapGet(Path, WaitForShutdownAsync);
        }

        return app;
    }

    private static async Task<string> WaitForShutdownAsync(
        IHostApplicationLifetime lifetime, ILoggerFactory loggers, CancellationToken requestAborted)
    {
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStopping.Register(() => shutdown.TrySetResult());
        LogWaiting(loggers.CreateLogger("App.Hosting.ShutdownProbe"));
        await shutdown.Task.WaitAsync(requestAborted);

        // Still working after shutdown began, so the response only arrives if the server waits for in-flight requests.
        await Task.Delay(WorkAfterShutdown, requestAborted);
        return Completed;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Shutdown probe request is waiting for shutdown")]
    private static partial void LogWaiting(ILogger logger);
}
