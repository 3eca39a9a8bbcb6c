namespace Engine.Targets;

/// <summary>Target and option names compare case-insensitively with dashes ignored, as NUKE's do.</summary>
internal static class TargetName
{
    public static string Normalize(string name) => name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool AreSame(string left, string right) => Normalize(left) == Normalize(right);
}
