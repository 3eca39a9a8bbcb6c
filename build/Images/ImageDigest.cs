using System.Text.RegularExpressions;

namespace Pipeline.Images;

/// <summary>An image by digest, repository@sha256:&lt;64 hex&gt;: what a deploy runs, so the bytes cannot change under it.</summary>
public sealed partial record ImageDigest(string Repository, string Digest) : IParsable<ImageDigest>
{
    public static ImageDigest Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse(string? s, IFormatProvider? provider, out ImageDigest result) => (result = TryParse(s)!) is not null;

    public static ImageDigest Parse(string text) =>
        TryParse(text) ?? throw new FormatException(
            $"'{text}' is not an image digest: expected repository@sha256:<64 hex digits> (for example localhost:5000/app@sha256:3f2a…)");

    public static ImageDigest? TryParse(string? text)
    {
        var match = Form().Match(text?.Trim() ?? "");
        return match.Success ? new ImageDigest(match.Groups["repository"].Value, match.Groups["digest"].Value) : null;
    }

    /// <summary>sha256:3f2a1b2c…: the start that people recognise in a summary line.</summary>
    public string Short => Digest[..19] + "…";

    public override string ToString() => $"{Repository}@{Digest}";

    [GeneratedRegex("^(?<repository>[a-z0-9]+(?:[._:/-][a-zA-Z0-9]+)*)@(?<digest>sha256:[0-9a-f]{64})$")]
    private static partial Regex Form();
}
