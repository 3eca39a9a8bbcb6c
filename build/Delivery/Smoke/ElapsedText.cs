using System.Globalization;

namespace Pipeline.Delivery.Smoke;

/// <summary>A short duration for a message or a report line: "12 ms" under a second, "1.2 s" or "5 s" above.</summary>
public static class ElapsedText
{
    public static string Format(TimeSpan duration) => duration.TotalSeconds < 1
        ? duration.TotalMilliseconds.ToString("0 'ms'", CultureInfo.InvariantCulture)
        : duration.TotalSeconds.ToString("0.# 's'", CultureInfo.InvariantCulture);
}
