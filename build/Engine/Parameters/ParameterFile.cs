using System.Text.Json;

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
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"{displayPath} must hold a JSON object of parameter names and values.");
            var values = document.RootElement.EnumerateObject()
                .Where(p => p.Name != "$schema")
                .ToDictionary(p => p.Name, p => (IReadOnlyList<string>?)Texts(p.Value, displayPath, p.Name));
            return new ParameterFile(displayPath, values);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{displayPath} is not valid JSON: {e.Message}", e);
        }
    }

    private static List<string>? Texts(JsonElement value, string file, string key) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => [value.GetRawText()],
        JsonValueKind.Array => value.EnumerateArray().Select(v => Texts(v, file, key)?.Single() ?? "").ToList(),
        _ => throw new UsageException($"{file}: parameter '{key}' must be a string, number, bool or array."),
    };
}
