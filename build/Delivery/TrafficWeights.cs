namespace Pipeline.Delivery;

/// <summary>The share of production traffic (percent, summing to 100) each color receives.</summary>
public readonly record struct TrafficWeights(int Blue, int Green)
{
    public static TrafficWeights AllOn(Color color) => Split(color, 100);

    /// <summary><paramref name="percent"/> on <paramref name="color"/>, the rest on the other.</summary>
    public static TrafficWeights Split(Color color, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return color == Color.Blue ? new TrafficWeights(percent, 100 - percent) : new TrafficWeights(100 - percent, percent);
    }

    public int For(Color color) => color == Color.Blue ? Blue : Green;

    public bool IsAllOn(Color color) => For(color) == 100 && For(color.Other()) == 0;

    public override string ToString() => $"blue {Blue}% / green {Green}%";
}
