using System.Text.Json;
using Engine.Targets;

namespace Engine.Parameters;

/// <summary>A .nuke/parameters*.json file: parameter name → value texts (arrays give several).</summary>
internal sealed class ParameterFile
{
    private ParameterFile(string displayPath, Dictionary<string, IReadOnlyList<string>?> values)
    {
        DisplayPath = displayPath;
        Values = values;
    }

    public string DisplayPath { get; }

    /// <summary>Key as written → texts; null for a JSON null (meaning: the default).</summary>
    public Dictionary<string, IReadOnlyList<string>?> Values { get; }

    public static ParameterFile? Load(string path, string displayPath)
    {
        if (!File.Exists(path))
            return null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{displayPath} cannot be read: {e.Message}", e);
        }

        var values = new Dictionary<string, IReadOnlyList<string>?>();
        if (FlatJson.TryRead(text) is { } entries)
        {
            foreach (var (name, texts) in entries)
            {
                if (name == "$schema")
                    continue;
                RejectRepeated(values, displayPath, name);
                values[name] = texts;
            }
        }
        else
        {
            Read(text, displayPath, values);
        }

        return new ParameterFile(displayPath, values);
    }

    /// <summary>Any other JSON, and every error in it, through System.Text.Json.</summary>
    private static void Read(string text, string displayPath, Dictionary<string, IReadOnlyList<string>?> values)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"{displayPath} must hold a JSON object of parameter names and values.");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "$schema")
                    continue;
                RejectRepeated(values, displayPath, property.Name);
                values[property.Name] = Texts(property.Value, displayPath, property.Name);
            }
        }
        catch (JsonException e)
        {
            throw new UsageException($"{displayPath} is not valid JSON{Position(e)}: {Reason(e)}", e);
        }
    }

    /// <summary>
    /// Keys match parameters the way options do (case and dashes ignored), so "Configuration" and "configuration"
    /// would silently compete for one parameter.
    /// </summary>
    private static void RejectRepeated(Dictionary<string, IReadOnlyList<string>?> values, string displayPath, string name)
    {
        if (values.Keys.FirstOrDefault(k => TargetName.AreSame(k, name)) is { } earlier)
            throw new UsageException($"{displayPath}: parameter '{name}' is given twice{(earlier == name ? "" : $" (also as '{earlier}')")}.");
    }

    private static List<string>? Texts(JsonElement value, string file, string key) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Array => value.EnumerateArray().Select(v => Scalar(v, file, key) ?? "").ToList(),
        _ => [Scalar(value, file, key)!],
    };

    /// <summary>The text of a string, number or bool; null for a JSON null; arrays and objects are not values.</summary>
    private static string? Scalar(JsonElement value, string file, string key) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new UsageException($"{file}: parameter '{key}' must be a string, number, bool or an array of those."),
    };

    // JsonException counts lines and bytes from 0; editors count from 1.
    private static string Position(JsonException e) =>
        e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";

    /// <summary>The message without the 0-based " LineNumber: … | BytePositionInLine: …" it ends with.</summary>
    private static string Reason(JsonException e)
    {
        var at = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? e.Message : e.Message[..at]).ReplaceLineEndings(" ");
    }
}
