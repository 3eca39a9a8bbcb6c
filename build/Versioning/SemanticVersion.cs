using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Versioning;

/// <summary>
/// A version as semver.org defines it: MAJOR.MINOR.PATCH with an optional pre-release (rc.1), ordered by its
/// precedence rules (1.0.0-rc.2 &lt; 1.0.0-rc.10 &lt; 1.0.0). Build metadata is not used by releases and not accepted.
/// </summary>
public sealed partial record SemanticVersion(int Major, int Minor, int Patch, string? Prerelease = null) : IComparable<SemanticVersion>
{
    public bool IsPrerelease => Prerelease is not null;

    /// <summary>The version without its pre-release: 1.3.0 for 1.3.0-rc.2.</summary>
    public SemanticVersion Stable => this with { Prerelease = null };

    public static SemanticVersion? TryParse(string? text)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
            return null;
        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new(Part("major"), Part("minor"), Part("patch"), match.Groups["pre"].Success ? match.Groups["pre"].Value : null);
    }

    public static SemanticVersion Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a semantic version such as 1.2.3 or 1.2.3-rc.1");

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
            return 1;
        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
            return core;
        // A pre-release sorts below its release: 1.0.0-rc.1 < 1.0.0.
        return (Prerelease, other.Prerelease) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => ComparePrerelease(Prerelease!, other.Prerelease!),
        };
    }

    public override string ToString() => $"{Major}.{Minor}.{Patch}" + (Prerelease is null ? "" : "-" + Prerelease);

    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Identifier by identifier: numbers numerically and below words, words by ordinal; a longer list wins a tie.</summary>
    private static int ComparePrerelease(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumber = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var bNumber = int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var order = (aNumber, bNumber) switch
            {
                (true, true) => x.CompareTo(y),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (order != 0)
                return order;
        }

        return a.Length.CompareTo(b.Length);
    }

    [GeneratedRegex(@"^(?<major>0|[1-9]\d{0,8})\.(?<minor>0|[1-9]\d{0,8})\.(?<patch>0|[1-9]\d{0,8})(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$")]
    private static partial Regex Pattern();
}
