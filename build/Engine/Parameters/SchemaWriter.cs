using System.Globalization;
using System.Text;
using Engine.Targets;

namespace Engine.Parameters;

/// <summary>
/// .nuke/build.schema.json: a JSON schema of the parameters and target names, so editors complete and check
/// parameters.json. Written only when its content changes, so a run leaves the tree clean; a failed write is a warning.
/// </summary>
internal static class SchemaWriter
{
    public static void Update(string rootDirectory, TargetGraph graph, IReadOnlyList<BuildParameter> parameters)
    {
        var path = Path.Combine(rootDirectory, ".nuke", "build.schema.json");
        var content = Render(graph, parameters);
        try
        {
            if (!File.Exists(path) || File.ReadAllText(path) != content)
                File.WriteAllText(path, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only editors use the schema: a read-only checkout must still build.
            Log.Warning($"warning: could not update .nuke/build.schema.json: {e.Message}");
        }
    }

    public static string Render(TargetGraph graph, IReadOnlyList<BuildParameter> parameters)
    {
        var json = new IndentedJson();
        json.StartObject();
        json.String("$schema", "http://json-schema.org/draft-07/schema#");
        json.String("title", "Build parameters");
        json.String("type", "object");
        json.Boolean("additionalProperties", false);
        json.StartObject("properties");
        json.StartObject("$schema");
        json.String("type", "string");
        json.EndObject();
        foreach (var parameter in parameters)
        {
            json.StartObject(parameter.Name);
            if (parameter.Description is { } description)
                json.String("description", description);
            WriteType(json, parameter.Type);
            json.EndObject();
        }

        json.EndObject();
        json.StartObject("definitions");
        json.StartObject("Target");
        json.String("type", "string");
        json.StartArray("enum");
        foreach (var target in graph.Targets)
            json.Item(target.Name);
        json.EndArray();
        json.EndObject();
        json.EndObject();
        json.EndObject();
        return json.ToString() + "\n";
    }

    private static void WriteType(IndentedJson json, Type type)
    {
        if (type.IsArray)
        {
            json.String("type", "array");
            json.StartObject("items");
            WriteType(json, type.GetElementType()!);
            json.EndObject();
            return;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            json.String("type", "string");
            json.StartArray("enum");
            foreach (var name in Enum.GetNames(underlying))
                json.Item(name);
            json.EndArray();
            return;
        }

        json.String("type", underlying.Name switch
        {
            "Boolean" => "boolean",
            "Int32" or "Int64" => "integer",
            "Double" or "Decimal" => "number",
            _ => "string",
        });
    }

    /// <summary>
    /// The text <c>Utf8JsonWriter</c> writes with <c>Indented = true</c> and its default escaping (tested to match), written
    /// here so that a start of the build loads neither System.Text.Json nor System.Text.Encodings.Web for it.
    /// </summary>
    internal sealed class IndentedJson
    {
        private readonly StringBuilder text = new();
        private bool[] hasItems = new bool[8]; // per open object or array, outermost first: whether it holds anything yet
        private int depth;

        public void StartObject(string? name = null) => Open(name, '{');
        public void EndObject() => Close('}');
        public void StartArray(string name) => Open(name, '[');
        public void EndArray() => Close(']');
        public void String(string name, string value) => Quote(Name(name), value);
        public void Boolean(string name, bool value) => Name(name).Append(value ? "true" : "false");
        public void Item(string value) => Quote(Next(), value);

        public override string ToString() => text.ToString();

        private void Open(string? name, char bracket)
        {
            (name is null ? Next() : Name(name)).Append(bracket);
            if (depth == hasItems.Length)
                Array.Resize(ref hasItems, 2 * depth);
            hasItems[depth++] = false;
        }

        private void Close(char bracket)
        {
            if (hasItems[--depth])
                NewLine();
            text.Append(bracket);
        }

        private StringBuilder Name(string name) => Quote(Next(), name).Append(": ");

        /// <summary>Before a member or item: the comma after the one before, and its own line.</summary>
        private StringBuilder Next()
        {
            if (depth == 0)
                return text;
            if (hasItems[depth - 1])
                text.Append(',');
            hasItems[depth - 1] = true;
            return NewLine();
        }

        private StringBuilder NewLine() => text.Append('\n').Append(' ', 2 * depth);

        private static StringBuilder Quote(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (var c in value)
            {
                _ = c switch
                {
                    '\n' => text.Append("\\n"),
                    '\r' => text.Append("\\r"),
                    '\t' => text.Append("\\t"),
                    '\b' => text.Append("\\b"),
                    '\f' => text.Append("\\f"),
                    '\\' => text.Append("\\\\"),
                    // Printable ASCII but for the characters HTML and JavaScript give a meaning; \u00XX for the rest.
                    >= ' ' and <= '~' and not ('"' or '&' or '\'' or '+' or '<' or '>' or '`') => text.Append(c),
                    _ => text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                };
            }

            return text.Append('"');
        }
    }
}
