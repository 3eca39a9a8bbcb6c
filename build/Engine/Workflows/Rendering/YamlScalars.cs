using System.Text.RegularExpressions;

namespace Engine.Workflows;

/// <summary>
/// Decides when a text value must be quoted: when YAML would read it as something else (a boolean, a number, null),
/// or when it starts with or contains an indicator. Quoted values use single quotes, which need no escapes but ''.
/// </summary>
internal static partial class YamlScalars
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    public static string Format(string text) => NeedsQuotes(text) ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : text;

    private static bool NeedsQuotes(string text) =>
        text.Length == 0
        || text != text.Trim()
        || Indicators.Contains(text[0], StringComparison.Ordinal)
        || text.Contains(": ", StringComparison.Ordinal)
        || text.Contains(" #", StringComparison.Ordinal)
        || text.EndsWith(':')
        || text.Any(char.IsControl)
        || Special().IsMatch(text);

    // YAML 1.1 and 1.2 booleans and nulls, and anything number-like (GitHub's parser is YAML 1.2, others are 1.1).
    [GeneratedRegex(@"^(?i:y|n|yes|no|true|false|on|off|null|~)$|^[-+]?(\.?[0-9][0-9_.:eE+-]*|\.inf|\.nan|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex Special();
}
