using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery.LiveView;

/// <summary>Why a color failed, in one line: what the platform says, the exit code, restarts. The deploy's failure adds the last log lines below it; the live table the last one.</summary>
public static class StoppedReason
{
    public static string Of(ColorStatus status)
    {
        var parts = new List<string> { status.Detail };
        if (status.ExitCode is { } code)
            parts.Add($"exit code {code}");
        if (status.Restarts > 0)
            parts.Add($"{status.Restarts} restarts");
        return string.Join(", ", parts);
    }
}
