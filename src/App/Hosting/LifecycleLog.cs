using App.Data;
using App.Versioning;
using Microsoft.Extensions.Options;

namespace App.Hosting;

/// <summary>One line per lifecycle step, so a deployment's logs show which build started and that it stopped cleanly.</summary>
public static partial class LifecycleLog
{
    public static WebApplication LogLifecycle(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("App.Lifecycle");
        var version = app.Services.GetRequiredService<VersionInfo>();
        var database = app.Services.GetRequiredService<Database>();
        var shutdown = app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        app.Lifetime.ApplicationStarted.Register(() =>
            LogStarted(logger, version.Version, version.Commit, version.Color, database.Settings.Describe()));
        app.Lifetime.ApplicationStopping.Register(() => LogStopping(logger, shutdown.TotalSeconds));
        app.Lifetime.ApplicationStopped.Register(() => LogStopped(logger));
        return app;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Started version {Version} (commit {Commit}, color {Color}); database: {Database}")]
    private static partial void LogStarted(ILogger logger, string version, string commit, string color, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Stopping: finishing in-flight requests for up to {Seconds}s")]
    private static partial void LogStopping(ILogger logger, double seconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Stopped")]
    private static partial void LogStopped(ILogger logger);
}
