using System.Globalization;

namespace Pipeline.Delivery.Chart;

/// <summary>
/// An axis from 0 to a round maximum with round steps (1, 2, 2.5 or 5 times a power of ten): 0–100 by 25 for a share
/// of traffic, 0–0.3 by 0.1 for a small error rate, 0–90 s by 15 s for a deploy's time.
/// </summary>
public sealed record ChartScale(double Max, double Step)
{
    private static readonly double[] RoundSteps = [1, 2, 2.5, 5, 10];

    /// <summary>The smallest round axis that holds <paramref name="largest"/> in about <paramref name="steps"/> steps (at most that many).</summary>
    public static ChartScale For(double largest, int steps = 4)
    {
        if (!(largest > 0) || double.IsInfinity(largest))
            largest = 1;
        var raw = largest / steps;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = RoundSteps.Select(f => f * magnitude).First(s => s >= raw * (1 - 1e-9));
        return new ChartScale(Tidy(Math.Ceiling((largest / step) - 1e-9) * step), Tidy(step));
    }

    /// <summary>0, then each step up to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks => Enumerable.Range(0, (int)Math.Round(Max / Step) + 1).Select(i => Tidy(i * Step)).ToList();

    /// <summary>Where a value lies on the axis, 0 at the origin and 1 at the maximum (clamped).</summary>
    public double Fraction(double value) => Math.Clamp(value / Max, 0, 1);

    /// <summary>A value as an axis shows it: "2.5", "100", "0.05".</summary>
    public static string Label(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // 0.1 * 3 is 0.30000000000000004: the axis says 0.3.
    private static double Tidy(double value) => Math.Round(value, 10);
}
