using System.Globalization;
using App.Configuration;

namespace App.Faults;

/// <summary>
/// Real HTTP failures on purpose, for the delivery tests: a release that must never receive traffic
/// (<c>APP_FAULT=unhealthy</c>: readiness answers 503), one that its smoke tests stop before any traffic
/// (<c>APP_FAULT=errors</c>: every request but /health/* answers 500), and one that passes them and must be aborted at
/// its first traffic step (<c>APP_FAULT=errors-after:N</c>: the first N requests but /health/* are served, the smoke
/// tests' own, then every one answers 500, as a release that breaks only under production traffic).
/// Unset, nothing changes; never set it in a deployment.
/// </summary>
public static class FaultSwitch
{
    public const string Variable = "APP_FAULT";

    private const string ErrorsAfter = "errors-after:";

    public static WebApplication UseFaultWhenSet(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var fault = app.Configuration[Variable]?.Trim();
        switch (fault)
        {
            case null or "":
                break;
            case "unhealthy":
                app.Use((context, next) => IsReadiness(context.Request.Path) ? FailAsync(context, StatusCodes.Status503ServiceUnavailable) : next(context));
                break;
            case "errors":
                app.Use((context, next) => IsHealth(context.Request.Path) ? next(context) : FailAsync(context, StatusCodes.Status500InternalServerError));
                break;
            case not null when fault.StartsWith(ErrorsAfter, StringComparison.Ordinal):
                var served = ServedBeforeErrors(fault);
                var requests = 0L;
                app.Use((context, next) => IsHealth(context.Request.Path) || Interlocked.Increment(ref requests) <= served
                    ? next(context)
                    : FailAsync(context, StatusCodes.Status500InternalServerError));
                break;
            default:
                throw new InvalidSettingException($"{Variable} must be 'unhealthy', 'errors' or 'errors-after:<requests>' (or unset), not '{fault}'.");
        }

        return app;
    }

    private static long ServedBeforeErrors(string fault) =>
        long.TryParse(fault[ErrorsAfter.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var served)
            ? served
            : throw new InvalidSettingException($"{Variable} '{fault}': expected errors-after:<number of requests served before the errors>, such as errors-after:3.");

    private static bool IsHealth(PathString path) => path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private static bool IsReadiness(PathString path) => path.StartsWithSegments("/health/ready", StringComparison.OrdinalIgnoreCase);

    private static Task FailAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { status = "fault", reason = $"{Variable} is set: failing on purpose" });
    }
}
