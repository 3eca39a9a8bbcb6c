using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Delivery.Roles;

namespace Pipeline.Delivery.LiveView;

/// <summary>What the platform last said about one color: the row of the live table, before its role is known.</summary>
internal sealed partial class ColorFacts
{
    public string? Release { get; set; }
    public string? State { get; private set; }
    public int? Running { get; private set; }
    public int? Desired { get; private set; }
    public string? Health { get; set; }
    public int? Weight { get; set; }

    public string Instances => (State, Running, Desired) switch
    {
        (null, null, _) => "–",
        (var state, var running, var desired) => $"{state ?? "running"} {running ?? 0}/{desired?.ToString(CultureInfo.InvariantCulture) ?? "?"}",
    };

    public void Staged(StageRequest request) => (State, Running, Desired, Health) = ("starting", 0, request.Capacity, null);

    public void Counted(int running) => (State, Running, Desired) = (running > 0 ? "running" : "stopped", running, running);

    public void Stopped() => (State, Running, Desired, Health) = ("stopped", 0, 0, null);

    /// <summary>ECS says "running 1/desired 2" in its detail; a platform that does not counts a running color as complete.</summary>
    public void Observed(ColorStatus status)
    {
        State = status.State.ToString().ToLowerInvariant();
        if (Counts().Match(status.Detail) is { Success: true } counts)
        {
            Running = int.Parse(counts.Groups["running"].Value, CultureInfo.InvariantCulture);
            Desired = int.Parse(counts.Groups["desired"].Value, CultureInfo.InvariantCulture);
            return;
        }

        Running = status.State == ColorState.Running ? Desired ?? Running ?? 1 : 0;
        Desired ??= status.State == ColorState.Stopped ? 0 : 1;
        if (status.State == ColorState.Running)
            Desired = Math.Max(Desired.Value, Running.Value);
    }

    [GeneratedRegex(@"running (?<running>\d+)/desired (?<desired>\d+)")]
    private static partial Regex Counts();
}
