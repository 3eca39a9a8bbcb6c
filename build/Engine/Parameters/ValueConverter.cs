using System.Globalization;
using System.Text.RegularExpressions;
using Engine.Targets;

namespace Engine.Parameters;

/// <summary>
/// Converts parameter text to the member's type. A failure throws <see cref="FormatException"/> whose message says
/// what was expected, which the binder turns into one line naming the parameter and the value.
/// </summary>
internal static partial class ValueConverter
{
    public static object? Convert(IReadOnlyList<string> values, Type type)
    {
        if (type.IsArray)
        {
            var elementType = type.GetElementType()!;
            var array = Array.CreateInstance(elementType, values.Count);
            for (var i = 0; i < values.Count; i++)
                array.SetValue(ConvertOne(values[i], elementType), i);
            return array;
        }

        return values.Count switch
        {
            0 when Underlying(type) == typeof(bool) => true, // a bare --flag
            1 => ConvertOne(values[0], type),
            _ => throw new FormatException($"expected one value, got {values.Count}"),
        };
    }

    public static string Describe(Type type)
    {
        if (type.IsArray)
            return Describe(type.GetElementType()!) + "[]";
        var underlying = Underlying(type);
        return underlying.IsEnum ? string.Join("|", Enum.GetNames(underlying)) : underlying.Name switch
        {
            "String" => "text",
            "Boolean" => "true|false",
            "Int32" or "Int64" => "number",
            "Double" or "Decimal" => "decimal",
            "TimeSpan" => "duration (90s, 5m, 1h30m, 00:05:00)",
            "Uri" => "absolute URL",
            _ => underlying.Name,
        };
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static object? ConvertOne(string text, Type type)
    {
        var target = Underlying(type);
        var value = text.Trim();
        if (target == typeof(string))
            return text;
        if (value.Length == 0 && target != type)
            return null;
        if (target.IsEnum)
            return ParseEnum(value, target);
        return target.Name switch
        {
            "Boolean" => ParseBool(value),
            "Int32" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Expected("a whole number"),
            "Int64" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw Expected("a whole number"),
            "Double" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Expected("a number"),
            "Decimal" => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : throw Expected("a number"),
            "TimeSpan" => ParseDuration(value),
            "Uri" => Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw Expected("an absolute URL such as https://example.com"),
            _ when ParseMethod(target) is { } parse => ParseWith(parse, value),
            _ => throw new FormatException($"parameters of type {target.Name} are not supported"),
        };
    }

    /// <summary>A type of the build's own (an image digest, a list of steps) converts through its IParsable implementation.</summary>
    private static System.Reflection.MethodInfo? ParseMethod(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>))
            ? type.GetMethod("Parse", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static, [typeof(string), typeof(IFormatProvider)])
            : null;

    private static object? ParseWith(System.Reflection.MethodInfo parse, string value)
    {
        try
        {
            return parse.Invoke(null, [value, CultureInfo.InvariantCulture]);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is FormatException or ArgumentException)
        {
            throw new FormatException(e.InnerException.Message, e.InnerException);
        }
    }

    private static bool ParseBool(string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => throw Expected("true or false"),
    };

    private static object ParseEnum(string value, Type type)
    {
        var name = Enum.GetNames(type).FirstOrDefault(n => TargetName.AreSame(n, value));
        return name is not null ? Enum.Parse(type, name) : throw Expected("one of " + string.Join(", ", Enum.GetNames(type)));
    }

    /// <summary>Accepts "00:05:00" as well as the shorter "90s", "5m", "1h30m", "250ms"; never a negative one.</summary>
    private static TimeSpan ParseDuration(string value)
    {
        // "-00:05:00" would parse and "-5m" would not; both mean the same, and no wait or timeout can be negative.
        if (value.StartsWith('-'))
            throw Expected("a duration that is not negative, such as 90s, 5m, 1h30m or 00:05:00");
        try
        {
            if (value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span))
                return span;
            var parts = DurationPart().Matches(value);
            if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != value)
                throw Expected("a duration such as 90s, 5m, 1h30m or 00:05:00");
            return parts.Aggregate(TimeSpan.Zero, (sum, part) =>
            {
                var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
                return sum + part.Groups[2].Value switch
                {
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    "s" => TimeSpan.FromSeconds(amount),
                    "m" => TimeSpan.FromMinutes(amount),
                    "h" => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromDays(amount),
                };
            });
        }
        catch (OverflowException)
        {
            throw Expected($"a duration of at most {TimeSpan.MaxValue.Days} days");
        }
    }

    private static FormatException Expected(string what) => new($"expected {what}");

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h|d)")]
    private static partial Regex DurationPart();
}
