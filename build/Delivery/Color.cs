namespace Pipeline.Delivery;

/// <summary>The two slots of a blue/green environment: one serves, the other is idle (or stands by after a deploy).</summary>
public enum Color
{
    Blue,
    Green,
}

public static class ColorNames
{
    public static Color Other(this Color color) => color == Color.Blue ? Color.Green : Color.Blue;

    /// <summary>blue or green: how the color appears in names, state files and messages.</summary>
    public static string Name(this Color color) => color == Color.Blue ? "blue" : "green";
}
