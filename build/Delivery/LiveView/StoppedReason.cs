using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery.LiveView;

/// <summary>Why a color stopped, on one line of the table: what the platform says, the exit code, restarts, its last log line.</summary>
internal static class StoppedReason
{
    public static string Of(ColorStatus status)
    {
        var parts = new List<string> { status.Detail };
        if (status.ExitCode is { } code)
            parts.Add($"exit code {code}");
        if (status.Restarts > 0)
            parts.Add($"{status.Restarts} restarts");
        if (status.LastLogLines is { Count: > 0 } lines)
            parts.Add($"last log line: {lines[^1]}");
        return string.Join(", ", parts);
    }
}
