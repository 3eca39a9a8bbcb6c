using System.Text;

namespace Engine.Workflows;

/// <summary>
/// Writes a <see cref="YamlMap"/> in the block style GitHub's own examples use: two-space indents, sequences indented
/// under their key, multi-line text as literal blocks, LF line ends. The same tree always gives the same bytes.
/// </summary>
public static class YamlWriter
{
    public static string Write(YamlMap root, IEnumerable<string> headerComments)
    {
        var text = new StringBuilder();
        foreach (var comment in headerComments)
            text.Append("# ").Append(comment).Append('\n');
        if (text.Length > 0)
            text.Append('\n');
        WriteMap(text, root, 0, inlineFirst: false);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, YamlMap map, int indent, bool inlineFirst)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!first && map.Spaced)
                text.Append('\n');
            if (!(first && inlineFirst))
                text.Append(' ', indent);
            first = false;
            text.Append(key).Append(':');
            WriteValue(text, value, indent);
        }
    }

    /// <summary>The value after "key:"; nested content goes two spaces deeper than the key.</summary>
    private static void WriteValue(StringBuilder text, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar:
                WriteScalar(text, scalar, indent + 2);
                break;
            case YamlMap { Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2, inlineFirst: false);
                break;
            case YamlSequence { Count: 0 }:
                text.Append(" []\n");
                break;
            case YamlSequence sequence:
                text.Append('\n');
                WriteSequence(text, sequence, indent + 2);
                break;
        }
    }

    private static void WriteSequence(StringBuilder text, YamlSequence sequence, int indent)
    {
        foreach (var item in sequence)
        {
            text.Append(' ', indent).Append('-');
            switch (item)
            {
                case YamlScalar scalar:
                    WriteScalar(text, scalar, indent + 2);
                    break;
                case YamlMap { Count: > 0 } map:
                    text.Append(' ');
                    WriteMap(text, map, indent + 2, inlineFirst: true);
                    break;
                default:
                    throw new NotSupportedException("Sequence items must be scalars or non-empty mappings.");
            }
        }
    }

    private static void WriteScalar(StringBuilder text, YamlScalar scalar, int blockIndent)
    {
        if (!scalar.Text.Contains('\n', StringComparison.Ordinal))
        {
            text.Append(' ').Append(scalar.IsTyped ? scalar.Text : YamlScalars.Format(scalar.Text)).Append('\n');
            return;
        }

        // A literal block keeps the text exactly: "|" when it ends with one line break, "|-" when it has none.
        var body = scalar.Text.EndsWith('\n') ? scalar.Text[..^1] : scalar.Text;
        text.Append(scalar.Text.EndsWith('\n') ? " |\n" : " |-\n");
        foreach (var line in body.Split('\n'))
            text.Append(line.Length > 0 ? new string(' ', blockIndent) + line : "").Append('\n');
    }
}
