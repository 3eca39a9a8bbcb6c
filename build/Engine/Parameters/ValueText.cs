using System.Globalization;
using System.Text;

namespace Engine.Parameters;

/// <summary>
/// A parameter value written as it would be typed (30s, 10,50,100, a b c for a list), so that a stated default can be
/// passed back as it reads: <see cref="ValueConverter"/> turns the text into the same value.
/// </summary>
internal static class ValueText
{
    public static string Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        TimeSpan duration => Duration(duration),
        Enum named => named.ToString(),
        Array array => List(array),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>In the units the converter reads (2m, 1h30m, 500ms); a fraction of a millisecond as 00:00:00.0001.</summary>
    private static string Duration(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
            return "0s";
        if (duration < TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerMillisecond != 0)
            return duration.ToString("c", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        Part(text, duration.Days, "d");
        Part(text, duration.Hours, "h");
        Part(text, duration.Minutes, "m");
        Part(text, duration.Seconds, "s");
        Part(text, duration.Milliseconds, "ms");
        return text.ToString();
    }

    private static void Part(StringBuilder text, int amount, string unit)
    {
        if (amount > 0)
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }

    /// <summary>Space-separated, as a list is given in an environment variable.</summary>
    private static string List(Array array)
    {
        var text = new StringBuilder();
        foreach (var item in array)
        {
            if (text.Length > 0)
                text.Append(' ');
            text.Append(item is null ? "" : Format(item));
        }

        return text.ToString();
    }
}
