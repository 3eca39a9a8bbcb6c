namespace Pipeline.Delivery;

/// <summary>
/// The percentages of production traffic the new color receives, in order: strictly increasing, each 1–100, the
/// last 100 (so a deploy that completes always ends with all traffic moved). Parsed from "10,50,100".
/// </summary>
public sealed record TrafficSteps(IReadOnlyList<int> Percentages) : IParsable<TrafficSteps>
{
    public static TrafficSteps Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse(string? s, IFormatProvider? provider, out TrafficSteps result)
    {
        try
        {
            result = Parse(s ?? "");
            return true;
        }
        catch (FormatException)
        {
            result = Default;
            return false;
        }
    }

    public static readonly TrafficSteps Default = new([10, 50, 100]);

    public static TrafficSteps Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var steps = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, out var percent))
                throw new FormatException($"traffic steps '{text}': '{part}' is not a whole percentage (expected for example 10,50,100)");
            if (percent is < 1 or > 100)
                throw new FormatException($"traffic steps '{text}': {percent} is outside 1–100");
            if (steps.Count > 0 && percent <= steps[^1])
                throw new FormatException($"traffic steps '{text}': {percent} does not increase on {steps[^1]} (steps must be strictly increasing)");
            steps.Add(percent);
        }

        if (steps[^1] != 100)
            throw new FormatException($"traffic steps '{text}': the last step must be 100, so the deploy ends with all traffic moved");
        return new TrafficSteps(steps);
    }

    public override string ToString() => string.Join(",", Percentages);
}
