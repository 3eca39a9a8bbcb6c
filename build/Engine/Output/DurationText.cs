using System.Globalization;

namespace Engine.Output;

internal static class DurationText
{
    /// <summary>"0.4 s", "12 s", "3:05", "1:02:07": readable at a glance in a table.</summary>
    public static string Format(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 10 => duration.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture),
        < 60 => duration.TotalSeconds.ToString("0 's'", CultureInfo.InvariantCulture),
        < 3600 => duration.ToString(@"m\:ss", CultureInfo.InvariantCulture),
        _ => duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
    };
}
