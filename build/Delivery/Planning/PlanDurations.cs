using System.Globalization;

namespace Pipeline.Delivery.Planning;

/// <summary>Durations as a plan says them: "5 s", "3 min", "1 h 20 min"; rounded, since they are estimates.</summary>
public static class PlanDurations
{
    public static string Format(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 90 => $"{Math.Round(duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s",
        < 5400 => $"{Math.Round(duration.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min",
        _ => $"{Math.Floor(duration.TotalHours).ToString(CultureInfo.InvariantCulture)} h {duration.Minutes.ToString(CultureInfo.InvariantCulture)} min",
    };
}
